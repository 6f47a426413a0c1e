// The ingest driver: expands inputs into files, opens each (gzip aware), picks the reader, and
// converts what the readers find in parallel batches while keeping input order.
#include "ingest/ingest.h"

#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>

#include "ingest/byte_source.h"
#include "ingest/encoding.h"
#include "ingest/readers.h"

namespace crosscheck {

namespace {

namespace fs = std::filesystem;
using namespace ingest_internal;

// Articles are converted in batches of this many (or this many bytes), in parallel.
constexpr size_t kBatchArticles = 64;
constexpr size_t kBatchBytes = size_t{32} << 20;
// Look-ahead used to recognise formats and binary files.
constexpr size_t kSniffBytes = 65536;

struct InputFile {
  std::string path;  // to open
  std::string name;  // as reported: the path as given, joined with the entry's relative path
  bool is_stdin = false;
  Problem problem;    // set instead of a file when the input was rejected while expanding
  std::string scope;  // the name relative to the input's root (Pending::scope)
};

struct FileResult {
  std::vector<Document> documents;
  Problems problems;
};

// Replays bytes already read (to check the gzip magic) before the rest of `inner`.
class PrefixedSource : public ByteSource {
 public:
  PrefixedSource(std::string prefix, std::unique_ptr<ByteSource> inner)
      : prefix_(std::move(prefix)), inner_(std::move(inner)) {}
  size_t read(char* buffer, size_t size) override {
    if (position_ < prefix_.size()) {
      size_t count = std::min(size, prefix_.size() - position_);
      std::memcpy(buffer, prefix_.data() + position_, count);
      position_ += count;
      return count;
    }
    return inner_->read(buffer, size);
  }
  const std::string& error() const override { return inner_->error(); }

 private:
  std::string prefix_;
  size_t position_ = 0;
  std::unique_ptr<ByteSource> inner_;
};

bool is_hidden_name(const fs::path& path) {
  std::string name = path.filename().string();
  return !name.empty() && name.front() == '.';
}

void expand_input(const std::string& input, std::vector<InputFile>& files) {
  if (input == "-") {
    files.push_back({"-", "-", true, {}, ""});
    return;
  }
  std::error_code error;
  fs::file_status status = fs::status(input, error);
  if (error || !fs::exists(status)) {
    files.push_back({"", "", false, {input, "no such file or folder"}});
    return;
  }
  if (!fs::is_directory(status)) {
    files.push_back({input, input, false, {}, fs::path(input).filename().generic_string()});
    return;
  }
  std::vector<fs::path> entries;
  fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    const fs::directory_entry& entry = *it;
    if (is_hidden_name(entry.path())) {
      if (entry.is_directory(error)) it.disable_recursion_pending();
      continue;
    }
    if (entry.is_regular_file(error)) entries.push_back(entry.path().lexically_relative(input));
  }
  if (error) {
    files.push_back({"", "", false, {input, "cannot read folder: " + error.message()}});
    return;
  }
  if (entries.empty()) {
    files.push_back({"", "", false, {input, "folder has no files"}});
    return;
  }
  std::sort(entries.begin(), entries.end());
  for (const fs::path& relative : entries) {
    std::string name = (fs::path(input) / relative).generic_string();
    files.push_back({name, name, false, {}, relative.generic_string()});
  }
}

class FileProcessor {
 public:
  FileProcessor(const InputFile& file, const IngestOptions& options, FileResult& result)
      : file_(file), options_(options), result_(result) {}

  void run();

 private:
  void reject(std::string reason) { result_.problems.push_back({file_.name, std::move(reason)}); }
  void add(Pending&& pending) {
    pending.scope = file_.scope;
    batch_bytes_ += pending.html.size() + pending.doc.text.size();
    batch_.push_back(std::move(pending));
    if (batch_.size() >= kBatchArticles || batch_bytes_ >= kBatchBytes) flush();
  }
  void flush();

  const InputFile& file_;
  const IngestOptions& options_;
  FileResult& result_;
  std::vector<Pending> batch_;
  size_t batch_bytes_ = 0;
};

void FileProcessor::flush() {
  if (batch_.empty()) return;
  std::vector<FileResult> slots(batch_.size());
  if (batch_.size() == 1) {
    convert(std::move(batch_[0]), slots[0].documents, slots[0].problems, options_);
  } else {
    tbb::parallel_for(size_t{0}, batch_.size(), [&](size_t i) {
      convert(std::move(batch_[i]), slots[i].documents, slots[i].problems, options_);
    });
  }
  for (FileResult& slot : slots) {
    for (Document& doc : slot.documents) result_.documents.push_back(std::move(doc));
    for (Problem& problem : slot.problems) result_.problems.push_back(std::move(problem));
  }
  batch_.clear();
  batch_bytes_ = 0;
}

void FileProcessor::run() {
  bool gzip_by_name = false;
  Format format = format_from_name(file_.name, gzip_by_name);
  size_t file_size = 0;
  bool size_known = false;
  if (!file_.is_stdin) {
    std::error_code error;
    if (fs::is_regular_file(file_.path, error)) {
      file_size = fs::file_size(file_.path, error);
      size_known = !error;
    }
    if (size_known && file_size == 0) return reject("empty");
  }
  std::FILE* handle = file_.is_stdin ? stdin : std::fopen(file_.path.c_str(), "rb");
  if (handle == nullptr) return reject(std::string("cannot open: ") + std::strerror(errno));
  auto base = std::make_unique<FileSource>(handle, !file_.is_stdin);
  std::string magic(2, '\0');
  magic.resize(base->read(magic.data(), magic.size()));
  bool gzipped = is_gzip(magic);
  bool single_article = format == Format::kText || format == Format::kHtml;
  // A plain single-article file over the limit is rejected by its size, unread.
  auto over_limit = [&] {
    return !gzipped && size_known && file_size > options_.max_article_bytes;
  };
  auto reject_size = [&] {
    reject("larger than " + std::to_string(options_.max_article_bytes) + " bytes (" +
           std::to_string(file_size) + " bytes)");
  };
  if (single_article && over_limit()) return reject_size();
  std::unique_ptr<ByteSource> source =
      std::make_unique<PrefixedSource>(std::move(magic), std::move(base));
  if (gzipped) source = std::make_unique<GzipSource>(std::move(source));
  Reader reader(*source);
  std::string_view head = reader.peek(kSniffBytes);
  if (head.empty()) return reject(reader.error().empty() ? "empty" : reader.error());
  if (head.size() < kSniffBytes && is_blank(head)) return reject("empty");
  if (format == Format::kUnknown) {
    format = format_from_content(head);
    if ((format == Format::kText || format == Format::kHtml) && over_limit()) return reject_size();
  }
  if (format != Format::kWarc || head.substr(0, 5) != "WARC/") {
    std::string binary = binary_reason(head);
    if (!binary.empty()) return reject(binary);
  }
  auto sink = [this](Pending&& pending) { add(std::move(pending)); };
  if (format == Format::kJsonLines) {
    parse_jsonl(reader, file_.name, options_, sink);
  } else if (format == Format::kWarc) {
    parse_warc(reader, file_.name, options_, sink);
  } else {
    std::string bytes;
    bool too_long = false;
    reader.read_all(bytes, options_.max_article_bytes, too_long);
    if (too_long) {
      return reject("larger than " + std::to_string(options_.max_article_bytes) + " bytes" +
                    (gzipped ? " after decompression" : ""));
    }
    if (!reader.error().empty()) return reject(reader.error());
    if (is_blank(bytes)) return reject("empty");
    if (format == Format::kFeed) {
      parse_feed(bytes, file_.name, sink);
    } else if (format == Format::kHtml) {
      parse_html(bytes, file_.name, sink);
    } else {
      std::string lower = file_.name;
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      bool markdown = lower.size() >= 3 && (lower.ends_with(".md") || lower.ends_with(".md.gz"));
      parse_text(bytes, file_.name, markdown, sink);
    }
  }
  flush();
}

// The scope of an in-memory input: its file name.
std::string scope_of(const std::string& name) {
  return name == "-" ? std::string() : fs::path(name).filename().generic_string();
}

// Runs `read` on in-memory bytes (gunzipped when they carry the gzip magic), converting what it
// finds in order on the calling thread.
template <typename Read>
std::vector<Document> read_in_memory(std::string_view bytes, const std::string& scope,
                                     Problems& problems, const IngestOptions& options,
                                     const Read& read) {
  std::vector<Document> documents;
  auto sink = [&](Pending&& pending) {
    pending.scope = scope;
    convert(std::move(pending), documents, problems, options);
  };
  std::unique_ptr<ByteSource> source = std::make_unique<MemorySource>(bytes);
  if (is_gzip(bytes)) source = std::make_unique<GzipSource>(std::move(source));
  Reader reader(*source);
  read(reader, sink);
  return documents;
}

// Checks shared by the single-article readers; false (with a problem) when the input is
// rejected. `bytes` is replaced by the decompressed bytes of gzip input.
bool accept_single_article(std::string_view& bytes, std::string& storage, const std::string& name,
                           Problems& problems, const IngestOptions& options) {
  if (is_gzip(bytes)) {
    std::string reason;
    if (!gunzip(bytes, options.max_article_bytes, storage, reason)) {
      problems.push_back({name, reason});
      return false;
    }
    bytes = storage;
  }
  if (bytes.size() > options.max_article_bytes) {
    problems.push_back({name, "larger than " + std::to_string(options.max_article_bytes) +
                                  " bytes (" + std::to_string(bytes.size()) + " bytes)"});
    return false;
  }
  if (is_blank(bytes)) {
    problems.push_back({name, "empty"});
    return false;
  }
  std::string binary = binary_reason(bytes);
  if (!binary.empty()) {
    problems.push_back({name, binary});
    return false;
  }
  return true;
}

}  // namespace

IngestResult ingest(const std::vector<std::string>& inputs, const IngestOptions& options) {
  std::vector<InputFile> files;
  for (const std::string& input : inputs) expand_input(input, files);
  std::vector<FileResult> results(files.size());
  auto process = [&](size_t i) {
    if (!files[i].problem.reason.empty()) {
      results[i].problems.push_back(files[i].problem);
      return;
    }
    try {
      FileProcessor(files[i], options, results[i]).run();
    } catch (const std::exception& error) {
      // Only resource exhaustion gets here (bad_alloc); the batch goes on without this file.
      results[i].problems.push_back({files[i].name, std::string("failed: ") + error.what()});
    }
  };
  int threads = options.jobs == 0 ? tbb::task_arena::automatic : static_cast<int>(options.jobs);
  tbb::task_arena arena(threads);
  arena.execute([&] { tbb::parallel_for(size_t{0}, files.size(), process); });
  IngestResult result;
  for (FileResult& file : results) {
    for (Document& doc : file.documents) result.documents.push_back(std::move(doc));
    for (Problem& problem : file.problems) result.problems.push_back(std::move(problem));
  }
  return result;
}

std::vector<Document> read_text(std::string_view bytes, const std::string& name, Problems& problems,
                                const IngestOptions& options) {
  std::vector<Document> documents;
  std::string storage;
  if (!accept_single_article(bytes, storage, name, problems, options)) return documents;
  bool markdown = name.ends_with(".md") || name.ends_with(".md.gz");
  parse_text(bytes, name, markdown, [&](Pending&& pending) {
    pending.scope = scope_of(name);
    convert(std::move(pending), documents, problems, options);
  });
  return documents;
}

std::vector<Document> read_html(std::string_view bytes, const std::string& name, Problems& problems,
                                const IngestOptions& options, std::string_view url) {
  std::vector<Document> documents;
  std::string storage;
  if (!accept_single_article(bytes, storage, name, problems, options)) return documents;
  parse_html(bytes, name, [&](Pending&& pending) {
    if (pending.doc.url.empty()) pending.doc.url = url;
    pending.scope = scope_of(name);
    convert(std::move(pending), documents, problems, options);
  });
  return documents;
}

std::vector<Document> read_feed(std::string_view bytes, const std::string& name, Problems& problems,
                                const IngestOptions& options) {
  std::vector<Document> documents;
  std::string storage;
  if (!accept_single_article(bytes, storage, name, problems, options)) return documents;
  parse_feed(bytes, name, [&](Pending&& pending) {
    pending.scope = scope_of(name);
    convert(std::move(pending), documents, problems, options);
  });
  return documents;
}

std::vector<Document> read_jsonl(std::string_view bytes, const std::string& name,
                                 Problems& problems, const IngestOptions& options) {
  return read_in_memory(
      bytes, scope_of(name), problems, options,
      [&](Reader& reader, const auto& sink) { parse_jsonl(reader, name, options, sink); });
}

std::vector<Document> read_warc(std::string_view bytes, const std::string& name, Problems& problems,
                                const IngestOptions& options) {
  return read_in_memory(
      bytes, scope_of(name), problems, options,
      [&](Reader& reader, const auto& sink) { parse_warc(reader, name, options, sink); });
}

}  // namespace crosscheck
