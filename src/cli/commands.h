// Subcommands of the `crosscheck` binary. Each add_* registers one subcommand whose callback
// stores its exit code (core/problem.h ExitCode) in `exit_code`.
#pragma once

#include <CLI/CLI.hpp>

namespace crosscheck::cli {

void add_analyze_command(CLI::App& app, int& exit_code);
void add_ingest_command(CLI::App& app, int& exit_code);
void add_report_command(CLI::App& app, int& exit_code);
void add_text_command(CLI::App& app, int& exit_code);
void add_cluster_command(CLI::App& app, int& exit_code);
void add_ner_command(CLI::App& app, int& exit_code);
void add_timex_command(CLI::App& app, int& exit_code);
void add_quotes_command(CLI::App& app, int& exit_code);
void add_detect_command(CLI::App& app, int& exit_code);
void add_eval_command(CLI::App& app, int& exit_code);
void add_train_command(CLI::App& app, int& exit_code);
void add_parse_command(CLI::App& app, int& exit_code);

}  // namespace crosscheck::cli
