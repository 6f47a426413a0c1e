// crosscheck: one binary, one subcommand per task (DESIGN.md "Command line").
#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "core/problem.h"

int main(int argc, char** argv) {
  CLI::App app{
      "crosscheck " CROSSCHECK_VERSION
      " - reads the news coverage of events and shows, per story, what independent sources agree "
      "on, what only one says, where they contradict each other, and which articles pad or are "
      "machine-written."};
  app.require_subcommand(1);
  app.set_version_flag("--version", CROSSCHECK_VERSION);
  // Resources are looked up through the environment (core/resources.h); the flag sets it.
  app.add_option_function<std::string>(
      "--models",
      [](const std::string& dir) { setenv("CROSSCHECK_MODELS", dir.c_str(), /*overwrite=*/1); },
      "Folder of model files (default: $CROSSCHECK_MODELS, $CROSSCHECK_HOME/models, "
      "PREFIX/share/crosscheck/models beside an installed binary, models/ of the source tree)");
  int exit_code = crosscheck::kExitOk;
  crosscheck::cli::add_analyze_command(app, exit_code);
  crosscheck::cli::add_ingest_command(app, exit_code);
  crosscheck::cli::add_report_command(app, exit_code);
  crosscheck::cli::add_text_command(app, exit_code);
  crosscheck::cli::add_cluster_command(app, exit_code);
  crosscheck::cli::add_ner_command(app, exit_code);
  crosscheck::cli::add_timex_command(app, exit_code);
  crosscheck::cli::add_quotes_command(app, exit_code);
  crosscheck::cli::add_parse_command(app, exit_code);
  crosscheck::cli::add_detect_command(app, exit_code);
  crosscheck::cli::add_eval_command(app, exit_code);
  crosscheck::cli::add_train_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return crosscheck::kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "crosscheck: fatal: " << e.what() << '\n';
    return crosscheck::kExitFatal;
  }
  return exit_code;
}
