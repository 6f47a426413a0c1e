// `eval meantime`: names (PER, ORG, LOC) and their resolution across the articles of a topic on
// MEANTIME's CAT XML files.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>
#include <unordered_map>

#include "core/resources.h"
#include "eval/benchmark_data.h"
#include "eval/metrics.h"
#include "eval/tasks.h"
#include "extract/extract.h"
#include "text/text.h"

namespace crosscheck::eval {

namespace {

namespace fs = std::filesystem;

std::string attribute(xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return {};
  std::string result(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return result;
}

bool named(xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE &&
         xmlStrcmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

std::vector<xmlNode*> children(xmlNode* node, const char* name) {
  std::vector<xmlNode*> out;
  for (xmlNode* child = node ? node->children : nullptr; child; child = child->next) {
    if (named(child, name)) out.push_back(child);
  }
  return out;
}

xmlNode* child(xmlNode* node, const char* name) {
  for (xmlNode* c = node ? node->children : nullptr; c; c = c->next) {
    if (named(c, name)) return c;
  }
  return nullptr;
}

bool is_connector(std::string_view word) {
  return word == "of" || word == "and" || word == "&" || word == "de" || word == "for";
}

bool capitalised(std::string_view word) {
  return !word.empty() && ((word[0] >= 'A' && word[0] <= 'Z') || (word[0] & 0x80));
}

}  // namespace

bool read_meantime(const std::string& path, std::string_view xml, MeantimeDocument& out,
                   Problem& problem) {
  if (xml.size() > (64u << 20)) {
    problem = {path, "larger than 64 MiB"};
    return false;
  }
  xmlDoc* parsed = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), path.c_str(), nullptr,
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!parsed) {
    problem = {path, "not well-formed XML"};
    return false;
  }
  xmlNode* root = xmlDocGetRootElement(parsed);
  std::unordered_map<std::string, size_t> token_index;
  std::vector<Span> token_spans;
  std::vector<std::string> token_text;
  std::vector<bool> sentence_initial;
  std::string previous_sentence;
  for (xmlNode* token : children(root, "token")) {
    std::string sentence = attribute(token, "sentence");
    xmlChar* content = xmlNodeGetContent(token);
    std::string text = content ? reinterpret_cast<const char*>(content) : "";
    if (content) xmlFree(content);
    for (char& c : text) {
      if (c == '\n' || c == '\t') c = ' ';
    }
    if (text.empty()) text = "_";
    bool first = token_spans.empty() || sentence != previous_sentence;
    if (!token_spans.empty()) out.doc.text += first ? "\n\n" : " ";
    previous_sentence = sentence;
    uint32_t start = static_cast<uint32_t>(out.doc.text.size());
    out.doc.text += text;
    token_index[attribute(token, "t_id")] = token_spans.size();
    token_spans.push_back(Span{start, static_cast<uint32_t>(out.doc.text.size())});
    token_text.push_back(text);
    sentence_initial.push_back(first);
  }
  if (token_spans.empty()) {
    xmlFreeDoc(parsed);
    problem = {path, "no <token> elements"};
    return false;
  }
  xmlNode* markables = child(root, "Markables");
  xmlNode* relations = child(root, "Relations");
  std::unordered_map<std::string, std::pair<std::string, std::string>> entities;  // type, inst
  for (xmlNode* entity : children(markables, "ENTITY")) {
    entities[attribute(entity, "m_id")] = {attribute(entity, "ent_type"),
                                           attribute(entity, "instance_id")};
  }
  std::unordered_map<std::string, std::string> refers_to;  // mention -> entity
  for (xmlNode* relation : children(relations, "REFERS_TO")) {
    xmlNode* target = child(relation, "target");
    if (!target) continue;
    for (xmlNode* source : children(relation, "source")) {
      refers_to[attribute(source, "m_id")] = attribute(target, "m_id");
    }
  }
  for (xmlNode* mention : children(markables, "ENTITY_MENTION")) {
    std::vector<size_t> tokens;
    for (xmlNode* anchor : children(mention, "token_anchor")) {
      auto it = token_index.find(attribute(anchor, "t_id"));
      if (it != token_index.end()) tokens.push_back(it->second);
    }
    if (tokens.empty()) continue;
    std::sort(tokens.begin(), tokens.end());
    auto entity = entities.find(refers_to[attribute(mention, "m_id")]);
    if (entity == entities.end()) continue;
    const std::string& type = entity->second.first;
    Span extent{token_spans[tokens.front()].start, token_spans[tokens.back()].end};
    if (type != "PER" && type != "ORG" && type != "LOC") {
      out.other_extents.push_back(extent);
      continue;
    }
    std::string syntactic = attribute(mention, "syntactic_type");
    bool all_capitalised = std::all_of(tokens.begin(), tokens.end(),
                                       [&](size_t t) { return capitalised(token_text[t]); });
    bool lone_initial = tokens.size() == 1 && sentence_initial[tokens[0]];
    bool name = syntactic == "NAM" || syntactic == "PRE.NAM" ||
                ((syntactic.empty()) && all_capitalised && !lone_initial);
    if (!name) continue;
    // The capitalised run ending the extent, with inner connectors ("Bank of America").
    size_t last = tokens.size();
    while (last > 0 && !capitalised(token_text[tokens[last - 1]])) --last;
    if (last == 0) continue;
    size_t first = last - 1;
    while (first > 0) {
      const std::string& word = token_text[tokens[first - 1]];
      if (tokens[first - 1] + 1 != tokens[first]) break;
      if (capitalised(word)) {
        --first;
      } else if (is_connector(word) && first >= 2 && capitalised(token_text[tokens[first - 2]])) {
        first -= 2;
      } else {
        break;
      }
    }
    if (sentence_initial[tokens[first]] && (token_text[tokens[first]] == "The")) ++first;
    if (first >= last) continue;
    MeantimeName gold;
    gold.span = Span{token_spans[tokens[first]].start, token_spans[tokens[last - 1]].end};
    gold.type = type == "PER"   ? EntityType::kPerson
                : type == "ORG" ? EntityType::kOrganization
                                : EntityType::kPlace;
    gold.instance = entity->second.second;
    out.names.push_back(std::move(gold));
  }
  xmlFreeDoc(parsed);
  std::sort(out.names.begin(), out.names.end(), [](const MeantimeName& a, const MeantimeName& b) {
    return a.span.start < b.span.start;
  });
  // A name annotated twice (a mention inside another) counts once.
  out.names.erase(
      std::unique(out.names.begin(), out.names.end(),
                  [](const MeantimeName& a, const MeantimeName& b) { return a.span == b.span; }),
      out.names.end());
  return true;
}

namespace {

struct Topic {
  std::string name;
  std::vector<MeantimeDocument> documents;
};

// Topics of `data`: the corpus_* folders of data/intra_cross-doc_annotation, of data itself,
// or data as one topic when it holds the XML files.
std::vector<Topic> load_topics(const std::string& data, Problems& problems) {
  std::error_code ec;
  fs::path root(data);
  if (fs::is_directory(root / "intra_cross-doc_annotation", ec)) {
    root /= "intra_cross-doc_annotation";
  }
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    if (entry.is_directory(ec)) folders.push_back(entry.path());
  }
  if (folders.empty()) folders.push_back(root);
  std::sort(folders.begin(), folders.end());
  std::vector<Topic> topics;
  for (const fs::path& folder : folders) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      if (entry.path().extension() == ".xml") files.push_back(entry.path());
    }
    if (files.empty()) continue;
    std::sort(files.begin(), files.end());
    Topic topic;
    topic.name = folder.filename().string();
    for (const fs::path& file : files) {
      std::ifstream in(file, std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      MeantimeDocument document;
      Problem problem;
      if (!in || !read_meantime(file.string(), bytes.str(), document, problem)) {
        problems.push_back(problem.input.empty() ? Problem{file.string(), "cannot read"} : problem);
        continue;
      }
      document.doc.id = file.stem().string();
      topic.documents.push_back(std::move(document));
    }
    topics.push_back(std::move(topic));
  }
  if (topics.empty()) problems.push_back({data, "no MEANTIME XML files"});
  return topics;
}

}  // namespace

int run_meantime(const std::string& data, std::ostream& out, std::ostream& err) {
  Problems problems;
  std::vector<Topic> topics = load_topics(data, problems);
  if (topics.empty()) {
    report_problems(problems, err);
    return kExitFatal;
  }
  std::vector<std::string> warnings;
  std::unique_ptr<Extractor> extractor = Extractor::load(find_resources(), &warnings);
  for (const std::string& warning : warnings) err << "crosscheck: " << warning << '\n';
  size_t correct = 0, guessed = 0, truth = 0;
  std::vector<int64_t> gold_clusters, predicted_clusters;
  std::map<std::string, int64_t> instance_ids;
  int64_t next_predicted = 0;
  char line[200];
  out << "meantime: " << data << "\n";
  std::snprintf(line, sizeof(line), "%-16s %5s %9s %7s %7s %7s\n", "topic", "docs", "precision",
                "recall", "ner_f1", "B3_f1");
  out << line;
  for (Topic& topic : topics) {
    std::vector<Document> documents(topic.documents.size());
    tbb::parallel_for(size_t{0}, documents.size(), [&](size_t i) {
      documents[i] = topic.documents[i].doc;
      annotate_text(documents[i]);
      extractor->annotate(documents[i], ExtractOptions{true, false, false, false});
    });
    Story story;
    for (size_t i = 0; i < documents.size(); ++i)
      story.documents.push_back(static_cast<uint32_t>(i));
    std::vector<Actor> actors = resolve_actors(documents, story);
    std::map<std::pair<std::string, EntityType>, int64_t> actor_of;
    for (size_t a = 0; a < actors.size(); ++a) {
      for (const std::string& key : actors[a].keys) {
        actor_of.emplace(std::make_pair(key, actors[a].type), static_cast<int64_t>(a));
      }
    }
    int64_t actor_base = next_predicted;
    next_predicted += static_cast<int64_t>(actors.size());
    size_t topic_correct = 0, topic_guessed = 0, topic_truth = 0;
    std::vector<int64_t> topic_gold, topic_predicted;
    for (size_t i = 0; i < documents.size(); ++i) {
      const MeantimeDocument& gold = topic.documents[i];
      std::vector<const Mention*> predicted;
      for (const Mention& mention : documents[i].mentions) {
        if (mention.type == EntityType::kMisc) continue;
        bool other = std::any_of(gold.other_extents.begin(), gold.other_extents.end(),
                                 [&](const Span& s) { return s.contains(mention.span); });
        bool named = std::any_of(gold.names.begin(), gold.names.end(),
                                 [&](const MeantimeName& n) { return n.span == mention.span; });
        if (other && !named) continue;
        predicted.push_back(&mention);
      }
      topic_guessed += predicted.size();
      topic_truth += gold.names.size();
      for (const MeantimeName& name : gold.names) {
        const Mention* match = nullptr;
        for (const Mention* mention : predicted) {
          if (mention->span == name.span && mention->type == name.type) match = mention;
        }
        if (match) ++topic_correct;
        if (name.instance.empty()) continue;
        auto [it, inserted] = instance_ids.emplace(topic.name + "/" + name.instance,
                                                   static_cast<int64_t>(instance_ids.size()));
        topic_gold.push_back(it->second);
        auto actor = match ? actor_of.find({match->key, match->type}) : actor_of.end();
        topic_predicted.push_back(actor != actor_of.end() ? actor_base + actor->second
                                                          : -1 - next_predicted++);
      }
    }
    ClusteringScores coref = score_clustering(topic_gold, topic_predicted);
    double p = topic_guessed ? static_cast<double>(topic_correct) / topic_guessed : 0;
    double r = topic_truth ? static_cast<double>(topic_correct) / topic_truth : 0;
    std::snprintf(line, sizeof(line), "%-16s %5zu %9.4f %7.4f %7.4f %7.4f\n", topic.name.c_str(),
                  documents.size(), p, r, f1(p, r), coref.bcubed_f1);
    out << line;
    correct += topic_correct;
    guessed += topic_guessed;
    truth += topic_truth;
    gold_clusters.insert(gold_clusters.end(), topic_gold.begin(), topic_gold.end());
    predicted_clusters.insert(predicted_clusters.end(), topic_predicted.begin(),
                              topic_predicted.end());
  }
  ClusteringScores coref = score_clustering(gold_clusters, predicted_clusters);
  double precision = guessed ? static_cast<double>(correct) / guessed : 0;
  double recall = truth ? static_cast<double>(correct) / truth : 0;
  std::snprintf(line, sizeof(line), "%-16s %5s %9.4f %7.4f %7.4f %7.4f\n", "all", "", precision,
                recall, f1(precision, recall), coref.bcubed_f1);
  out << line;
  out << "coreference: B3 over gold name mentions with a cross-document instance ("
      << gold_clusters.size() << "); a name the recogniser missed is its own cluster\n";
  nlohmann::json metrics = {{"task", "meantime"},
                            {"data", data},
                            {"recogniser", extractor->has_recogniser() ? "model" : "rules"},
                            {"ner_f1", f1(precision, recall)},
                            {"ner_precision", precision},
                            {"ner_recall", recall},
                            {"gold_names", truth},
                            {"coref_bcubed_p", coref.bcubed_p},
                            {"coref_bcubed_r", coref.bcubed_r},
                            {"coref_bcubed_f1", coref.bcubed_f1}};
  out << metrics.dump() << std::endl;
  return report_problems(problems, err);
}

}  // namespace crosscheck::eval
