#include "cli/output.h"

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

bool write_output(const std::string& path, const std::string& content, std::string& error) {
  if (path == "-") {
    std::cout << content;
    std::cout.flush();
    if (!std::cout) error = "cannot write to standard output";
    return static_cast<bool>(std::cout);
  }
  std::filesystem::path target(path);
  std::filesystem::path temp = target;
  temp += ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) {
      error = "cannot write " + path + ": " + std::strerror(errno);
      return false;
    }
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      error = "cannot write " + path + " (disk full?)";
      std::error_code ec;
      std::filesystem::remove(temp, ec);
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, target, ec);
  if (ec) {
    error = "cannot write " + path + ": " + ec.message();
    std::filesystem::remove(temp, ec);
    return false;
  }
  return true;
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
