// parse: tags, lemmas and dependency trees as CoNLL-U (src/syntax/syntax.h).
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/output.h"
#include "core/resources.h"
#include "core/utf8.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace crosscheck::cli {

void add_parse_command(CLI::App& app, int& exit_code) {
  auto input = std::make_shared<std::string>("-");
  auto conllu = std::make_shared<bool>(false);
  auto model_path = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "parse",
      "Tag, lemmatise and parse English text; prints CoNLL-U with '# text' and byte offsets "
      "(TokenRange=start:end into the input) in MISC.\n"
      "With --conllu, reads CoNLL-U and keeps its tokens (gold tokens), filling columns 3-8.\n"
      "Example: echo 'The talks ended.' | crosscheck parse");
  command->add_option("input", *input, "Text file (or CoNLL-U with --conllu); '-' = stdin");
  command->add_flag("--conllu", *conllu, "Input is CoNLL-U: parse its words as given");
  command->add_option("--model", *model_path, "Model file (default models/syntax-en.bin)");
  command->callback([input, conllu, model_path, &exit_code] {
    std::string error;
    std::unique_ptr<SyntaxModel> model;
    if (model_path->empty()) {
      std::vector<std::string> warnings;
      model = SyntaxModel::load(find_resources(), &warnings);
      for (const auto& w : warnings) warn(w);
    } else {
      model = SyntaxModel::load_file(*model_path, error);
      if (!model) warn(error);
    }
    if (!model) {
      exit_code = kExitFatal;
      return;
    }
    std::string content;
    if (!read_input(*input, content, error)) {
      warn(error);
      exit_code = kExitSomeRejected;
      return;
    }
    if (!utf8::is_valid(content)) {
      warn(*input + ": not valid UTF-8; malformed bytes replaced by U+FFFD");
      content = utf8::repair(content);
      exit_code = kExitSomeRejected;
    }
    if (*conllu) {
      std::cout << parse_conllu_text(*model, content);
      return;
    }
    Document doc;
    doc.id = *input == "-" ? "stdin" : *input;
    doc.text = std::move(content);
    doc.lang = "en";
    annotate_text(doc);
    model->annotate(doc);
    std::cout << document_conllu(doc);
  });
}

}  // namespace crosscheck::cli
