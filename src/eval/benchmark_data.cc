#include "eval/benchmark_data.h"

#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string_view>

namespace crosscheck::eval {

bool read_lines(const std::string& path, std::vector<std::string>& lines, Problem& problem) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) {
    problem = {path, "cannot open the file"};
    return false;
  }
  gzbuffer(file, 1 << 17);
  std::string pending;
  char buffer[1 << 16];
  while (true) {
    int read = gzread(file, buffer, sizeof(buffer));
    if (read < 0) {
      int code = 0;
      problem = {path, std::string("gzip data is corrupt: ") + gzerror(file, &code)};
      gzclose(file);
      return false;
    }
    if (read == 0) break;
    pending.append(buffer, static_cast<size_t>(read));
    size_t start = 0, newline;
    while ((newline = pending.find('\n', start)) != std::string::npos) {
      lines.emplace_back(pending, start, newline - start);
      start = newline + 1;
    }
    pending.erase(0, start);
  }
  if (!pending.empty()) lines.push_back(std::move(pending));
  gzclose(file);
  return true;
}

namespace {

std::vector<std::string> jsonl_files(const std::string& path, std::string_view prefix) {
  std::vector<std::string> files;
  std::error_code error;
  if (!std::filesystem::is_directory(path, error)) return {path};
  for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
    std::string name = entry.path().filename().string();
    if (name.starts_with(prefix) && (name.ends_with(".jsonl") || name.ends_with(".jsonl.gz"))) {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::vector<BenchmarkCluster> load_clusters(const std::string& path, Problems& problems) {
  std::vector<BenchmarkCluster> clusters;
  std::vector<std::string> files = jsonl_files(path, "clusters");
  if (files.empty()) problems.push_back({path, "no clusters*.jsonl[.gz] file in this folder"});
  for (const std::string& file : files) {
    std::vector<std::string> lines;
    Problem problem;
    if (!read_lines(file, lines, problem)) {
      problems.push_back(problem);
      continue;
    }
    for (size_t n = 0; n < lines.size(); ++n) {
      if (lines[n].find_first_not_of(" \t\r") == std::string::npos) continue;
      std::string where = file + ":" + std::to_string(n + 1);
      nlohmann::json row = nlohmann::json::parse(lines[n], nullptr, false);
      if (!row.is_object() || !row.contains("articles") || !row["articles"].is_array()) {
        problems.push_back({where, "not a JSON object with an \"articles\" list"});
        continue;
      }
      BenchmarkCluster cluster;
      // A cluster id that is not a string (a number, null) is named by its line instead.
      const auto id_field = row.find("cluster_id");
      cluster.id = id_field != row.end() && id_field->is_string() ? id_field->get<std::string>()
                                                                  : where;
      for (const nlohmann::json& article : row["articles"]) {
        if (!article.is_object() || !article.contains("text") || !article["text"].is_string()) {
          problems.push_back({where, "article without a \"text\" string"});
          continue;
        }
        std::string id = article.contains("id") && article["id"].is_string()
                             ? article["id"].get<std::string>()
                             : cluster.id + "-a" + std::to_string(cluster.articles.size());
        cluster.articles.push_back({id, article["text"].get<std::string>()});
      }
      if (!cluster.articles.empty()) clusters.push_back(std::move(cluster));
    }
  }
  return clusters;
}

std::vector<LabelledText> load_labelled_texts(const std::string& path, Problems& problems) {
  std::vector<LabelledText> texts;
  std::vector<std::string> files = jsonl_files(path, "");
  if (files.empty()) problems.push_back({path, "no *.jsonl[.gz] file in this folder"});
  auto string_field = [](const nlohmann::json& row, const char* key) {
    return row.contains(key) && row[key].is_string() ? row[key].get<std::string>() : "";
  };
  for (const std::string& file : files) {
    std::vector<std::string> lines;
    Problem problem;
    if (!read_lines(file, lines, problem)) {
      problems.push_back(problem);
      continue;
    }
    for (size_t n = 0; n < lines.size(); ++n) {
      if (lines[n].find_first_not_of(" \t\r") == std::string::npos) continue;
      std::string where = file + ":" + std::to_string(n + 1);
      nlohmann::json row = nlohmann::json::parse(lines[n], nullptr, false);
      if (!row.is_object() || !row.contains("text") || !row["text"].is_string()) {
        problems.push_back({where, "not a JSON object with a \"text\" string"});
        continue;
      }
      LabelledText text{string_field(row, "id"), row["text"].get<std::string>(),
                        string_field(row, "label"), string_field(row, "generator")};
      if (text.id.empty()) text.id = where;
      if (text.generator.empty() && text.label == "human") text.generator = "human";
      texts.push_back(std::move(text));
    }
  }
  return texts;
}

}  // namespace crosscheck::eval

namespace crosscheck::eval {

namespace {

EntityType conll_entity_type(std::string_view type) {
  if (type == "PER") return EntityType::kPerson;
  if (type == "ORG") return EntityType::kOrganization;
  if (type == "LOC") return EntityType::kPlace;
  return EntityType::kMisc;
}

bool valid_tag(std::string_view tag) {
  if (tag == "O") return true;
  if (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-') return false;
  std::string_view type = tag.substr(2);
  return type == "PER" || type == "ORG" || type == "LOC" || type == "MISC";
}

void finish_document(ConllDocument& current, std::vector<ConllDocument>& out) {
  if (current.tokens.empty()) {
    current = ConllDocument();
    return;
  }
  for (const Chunk& chunk : chunks_of(current.tags, current.sentence_of)) {
    Mention mention;
    mention.span = Span{current.tokens[chunk.first].start, current.tokens[chunk.last - 1].end};
    mention.sentence = chunk.sentence;
    mention.type = conll_entity_type(chunk.type);
    current.doc.mentions.push_back(std::move(mention));
  }
  out.push_back(std::move(current));
  current = ConllDocument();
}

}  // namespace

const char* conll_type_name(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "PER";
    case EntityType::kOrganization:
      return "ORG";
    case EntityType::kPlace:
      return "LOC";
    case EntityType::kMisc:
      return "MISC";
  }
  return "MISC";
}

std::vector<Chunk> chunks_of(const std::vector<std::string>& tags,
                             const std::vector<uint32_t>& sentence_of) {
  std::vector<Chunk> chunks;
  std::string_view type;
  uint32_t first = 0;
  for (size_t i = 0; i <= tags.size(); ++i) {
    bool sentence_break = i == tags.size() || (i > 0 && sentence_of[i] != sentence_of[i - 1]);
    std::string_view tag = i < tags.size() ? std::string_view(tags[i]) : "O";
    std::string_view tag_type = tag.size() > 2 ? tag.substr(2) : "";
    bool starts = tag[0] == 'B' || (tag[0] == 'I' && (tag_type != type || sentence_break));
    bool ends = !type.empty() && (tag == "O" || starts || sentence_break);
    if (ends) {
      chunks.push_back(
          Chunk{sentence_of[first], first, static_cast<uint32_t>(i), std::string(type)});
      type = {};
    }
    if (tag != "O" && (starts || type.empty())) {
      type = tag_type;
      first = static_cast<uint32_t>(i);
    }
  }
  return chunks;
}

std::vector<std::string> tags_from_mentions(const std::vector<Span>& tokens,
                                            const std::vector<uint32_t>& sentence_of,
                                            const std::vector<Mention>& mentions) {
  std::vector<std::string> tags(tokens.size(), "O");
  size_t next = 0;
  long previous = -1;
  EntityType previous_type = EntityType::kMisc;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0 && sentence_of[i] != sentence_of[i - 1]) previous = -1;
    while (next < mentions.size() && mentions[next].span.end <= tokens[i].start) ++next;
    long current = -1;
    if (next < mentions.size() && mentions[next].span.start <= tokens[i].start) {
      current = static_cast<long>(next);
      EntityType type = mentions[next].type;
      bool adjacent = previous >= 0 && previous != current && previous_type == type;
      tags[i] = std::string(adjacent ? "B-" : "I-") + conll_type_name(type);
      previous_type = type;
    }
    previous = current;
  }
  return tags;
}

std::vector<ConllDocument> read_conll(const std::string& path, Problems& problems) {
  std::vector<std::string> files;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
      std::string name = entry.path().filename().string();
      if (name.starts_with("eng.test") || name.ends_with(".conll")) {
        files.push_back(entry.path().string());
      }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) problems.push_back({path, "no eng.test* or *.conll files"});
  } else {
    files.push_back(path);
  }
  std::vector<ConllDocument> out;
  for (const std::string& file : files) {
    std::vector<std::string> lines;
    Problem problem;
    if (!read_lines(file, lines, problem)) {
      problems.push_back(problem);
      continue;
    }
    for (ConllDocument& document : parse_conll(lines, file, problems)) {
      document.doc.id = "conll-" + std::to_string(out.size());
      out.push_back(std::move(document));
    }
  }
  return out;
}

std::vector<ConllDocument> parse_conll(const std::vector<std::string>& lines,
                                       const std::string& file, Problems& problems) {
  std::vector<ConllDocument> out;
  ConllDocument current;
  bool in_sentence = false;
  uint32_t sentences = 0;
  for (size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = lines[n];
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.starts_with("-DOCSTART-")) {
      finish_document(current, out);
      in_sentence = false;
      sentences = 0;
      continue;
    }
    if (line.empty()) {
      if (in_sentence) current.doc.text += "\n\n";
      in_sentence = false;
      continue;
    }
    size_t space = line.find_first_of(" \t");
    size_t last_space = line.find_last_of(" \t");
    if (space == std::string_view::npos) {
      problems.push_back({file + ":" + std::to_string(n + 1), "a single column, no tag"});
      continue;
    }
    std::string_view word = line.substr(0, space);
    std::string tag(line.substr(last_space + 1));
    if (current.doc.text.size() + word.size() + 2 > (size_t{64} << 20)) {
      problems.push_back({file + ":" + std::to_string(n + 1), "document over 64 MiB split here"});
      finish_document(current, out);
      in_sentence = false;
      sentences = 0;
    }
    if (!valid_tag(tag)) {
      problems.push_back({file + ":" + std::to_string(n + 1), "unknown tag '" + tag + "'"});
      tag = "O";
    }
    if (!in_sentence) {
      if (!current.tokens.empty()) ++sentences;
      in_sentence = true;
    } else {
      current.doc.text += ' ';
    }
    Span span{static_cast<uint32_t>(current.doc.text.size()), 0};
    current.doc.text += word;
    span.end = static_cast<uint32_t>(current.doc.text.size());
    current.tokens.push_back(span);
    current.sentence_of.push_back(sentences);
    current.tags.push_back(std::move(tag));
  }
  finish_document(current, out);
  return out;
}

}  // namespace crosscheck::eval

namespace crosscheck::eval {

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(
        line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  if (!fields.empty() && !fields.back().empty() && fields.back().back() == '\r')
    fields.back().pop_back();
  return fields;
}

}  // namespace

bool read_paraphrase_pairs(const std::string& path, std::vector<ParaphrasePair>& pairs,
                           Problems& problems) {
  std::vector<std::string> lines;
  Problem problem;
  if (!read_lines(path, lines, problem)) {
    problems.push_back(problem);
    return false;
  }
  for (size_t n = 1; n < lines.size(); ++n) {  // line 1 is the header
    if (lines[n].empty()) continue;
    std::vector<std::string> fields = split_tabs(lines[n]);
    if (fields.size() != 5 || (fields[0] != "0" && fields[0] != "1")) {
      problems.push_back({path + ":" + std::to_string(n + 1),
                          "not a pair line (Quality, #1 ID, #2 ID, #1 String, #2 String)"});
      continue;
    }
    pairs.push_back({fields[0] == "1", fields[1], fields[2], fields[3], fields[4]});
  }
  return true;
}

int paraphrase_fold(const ParaphrasePair& pair, int folds, uint64_t seed) {
  uint64_t hash = 14695981039346656037ull ^ seed;
  for (char c : pair.key()) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return static_cast<int>(hash % static_cast<uint64_t>(folds));
}

}  // namespace crosscheck::eval
