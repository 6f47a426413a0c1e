// store: SQLite persistence of articles, annotations and stories.
//
// WAL mode, a schema version in `PRAGMA user_version`, forward migrations applied on open; a
// store written by a newer schema is refused. One transaction per ingested batch, so a crash
// loses at most the batch in flight. Path ":memory:" (the default of the CLI without --db) keeps
// everything in memory.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/story.h"

namespace crosscheck {

class Store {
 public:
  // Opens or creates the store. Returns nullptr and sets `error` when the file is not a
  // crosscheck store, is corrupt, or comes from a newer schema.
  static std::unique_ptr<Store> open(const std::string& path, std::string& error);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  static int schema_version();

  // Adds documents (text, metadata and annotation layers) in one transaction. Documents whose id
  // is already stored are skipped; returns how many were new. False and `error` on failure
  // (nothing of the batch is kept).
  bool add_documents(const std::vector<Document>& documents, int& added, std::string& error);

  // Every stored document, in insertion order, with its annotation layers.
  std::vector<Document> load_documents() const;

  // Replaces the stored stories (with their facts, conflicts and assessments) in one
  // transaction; the previous version is kept in the story history.
  bool save_stories(const std::vector<Story>& stories, std::string& error);
  std::vector<Story> load_stories() const;

  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace crosscheck
