#include "cli/output.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "core/utf8.h"

namespace crosscheck::cli {

namespace {

// Writes all of `content` to the open descriptor `fd`. False on a short or failed write.
bool write_all(int fd, const std::string& content) {
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

std::string describe_errno(const std::string& path) {
  return "cannot write " + path + ": " + std::strerror(errno);
}

// Writes into an existing file that is not a regular file (a terminal, /dev/null, a FIFO, a
// pipe behind /dev/stdout) the way a shell redirection would: opened in place, never replaced.
bool write_in_place(const std::string& path, const std::string& content, std::string& error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (fd < 0) {
    error = describe_errno(path);
    return false;
  }
  bool ok = write_all(fd, content);
  if (!ok) error = describe_errno(path);
  if (::close(fd) != 0 && ok) {
    error = describe_errno(path);
    ok = false;
  }
  return ok;
}

}  // namespace

bool write_output(const std::string& path, const std::string& content, std::string& error) {
  if (path == "-") {
    std::cout << content;
    std::cout.flush();
    if (!std::cout) error = "cannot write to standard output";
    return static_cast<bool>(std::cout);
  }
  if (path.empty()) {
    error = "an output path is empty";
    return false;
  }
  // A symbolic link is followed, never replaced: the file it names (which may not exist yet)
  // is the one written.
  std::error_code ec;
  std::filesystem::path target(path);
  for (int hops = 0; std::filesystem::is_symlink(std::filesystem::symlink_status(target, ec));
       ++hops) {
    if (hops == 40) {
      error = "cannot write " + path + ": too many levels of symbolic links";
      return false;
    }
    std::filesystem::path link = std::filesystem::read_symlink(target, ec);
    if (ec) {
      error = "cannot write " + path + ": " + ec.message();
      return false;
    }
    target = link.is_absolute() ? link : target.parent_path() / link;
    // Links into the process's own descriptors (/dev/stdout -> /proc/self/fd/1) are written
    // through, in place: renaming over them would detach what the shell opened.
    std::string text = target.lexically_normal().string();
    if (text.starts_with("/proc/") || text.starts_with("/dev/"))
      return write_in_place(path, content, error);
  }
  auto status = std::filesystem::status(target, ec);
  if (!ec && std::filesystem::exists(status)) {
    if (std::filesystem::is_directory(status)) {
      error = "cannot write " + path + ": it is a folder";
      return false;
    }
    if (!std::filesystem::is_regular_file(status))
      return write_in_place(target.string(), content, error);
  }
  // A regular file (or a new one) is written through a temporary file in the same folder and
  // renamed into place, so a failed write never leaves a half-written report.
  std::filesystem::path temp = target;
  temp += ".tmp" + std::to_string(::getpid());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    error = describe_errno(path);
    return false;
  }
  bool ok = write_all(fd, content);
  if (!ok) error = describe_errno(path);
  if (::close(fd) != 0 && ok) {
    error = describe_errno(path);
    ok = false;
  }
  if (ok && std::filesystem::exists(status)) {
    // Keep the permissions of the file being replaced.
    std::filesystem::permissions(temp, status.permissions(), ec);
  }
  if (ok) {
    std::filesystem::rename(temp, target, ec);
    if (ec) {
      error = "cannot write " + path + ": " + ec.message();
      ok = false;
    }
  }
  if (!ok) std::filesystem::remove(temp, ec);
  return ok;
}

bool read_input(const std::string& path, std::string& content, std::string& error) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    content = buffer.str();
    return true;
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    error = path + ": no such file";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot be read";
    return false;
  }
  content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

namespace {

nlohmann::ordered_json string_or_null(const std::string& value) {
  if (value.empty()) return nullptr;
  return utf8::is_valid(value) ? value : utf8::repair(value);
}

}  // namespace

nlohmann::ordered_json article_json(const Document& doc) {
  nlohmann::ordered_json j;
  j["id"] = string_or_null(doc.id);
  j["url"] = string_or_null(doc.url);
  j["canonical_url"] = string_or_null(doc.canonical_url);
  j["site"] = string_or_null(doc.site);
  j["title"] = string_or_null(doc.title);
  j["authors"] = nlohmann::ordered_json::array();
  for (const auto& author : doc.authors) j["authors"].push_back(string_or_null(author));
  j["published"] = string_or_null(doc.published);
  j["published_from"] = doc.published_from.empty() ? "none" : doc.published_from;
  j["lang"] = string_or_null(doc.lang);
  j["text"] = utf8::is_valid(doc.text) ? doc.text : utf8::repair(doc.text);
  j["source"] = string_or_null(doc.source);
  return j;
}

void warn(const std::string& message) { std::cerr << "crosscheck: " << message << '\n'; }

void report_problems(const Problems& problems, int& exit_code) {
  for (const Problem& p : problems) warn(p.input + ": " + p.reason);
  if (!problems.empty()) exit_code = kExitSomeRejected;
}

}  // namespace crosscheck::cli
