// Writing results: files written whole or not at all, and the article JSON of DESIGN.md.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/document.h"
#include "core/problem.h"

namespace crosscheck::cli {

// Writes `content` to `path` ("-" = stdout) through a temporary file renamed into place, so a
// failed write never leaves a half-written report. False and `error` on failure.
bool write_output(const std::string& path, const std::string& content, std::string& error);

// Reads a whole file ("-" = stdin). False and `error` on failure.
bool read_input(const std::string& path, std::string& content, std::string& error);

// The "Article" object of DESIGN.md (unknown fields null).
nlohmann::ordered_json article_json(const Document& doc);

// Prints "crosscheck: <message>" on stderr.
void warn(const std::string& message);

// Names each rejected input with its reason on stderr; any rejection sets `exit_code` to 1.
void report_problems(const Problems& problems, int& exit_code);

}  // namespace crosscheck::cli
