// store: SQLite persistence of articles, annotations and stories.
//
// WAL mode (for files), a schema version in `PRAGMA user_version`, forward migrations applied on
// open in order; a store written by a newer schema is refused, and so is a file that is not
// SQLite, not a crosscheck store (`PRAGMA application_id` and the meta table), or fails
// `PRAGMA quick_check`. One transaction per batch, so a crash loses at most the batch in flight
// and never what was committed before. Path ":memory:" (the default of the CLI without --db)
// keeps everything in memory.
//
// Tables (docs/report-format.md describes them for people reading a store with sqlite3):
//   meta          key/value: application, schema, created_by, created_at
//   articles      seq (insertion order), id (unique), metadata columns, text, copy_group,
//                 added_at, and one compact binary blob per annotation layer
//   stories       id, position, title, version, json (the full analysed story), saved_at
//   story_history earlier versions of stories (story id, version, title, json, saved_at)
//
// Errors are values: every call that can fail returns false (or nullptr) and says why in
// `error`; nothing is thrown across this API. A Store is used from one thread at a time.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/problem.h"
#include "core/story.h"

namespace crosscheck {

class Store {
 public:
  // Opens or creates the store at `path` (":memory:" for an in-memory store). Returns nullptr
  // and sets `error` when the file is not SQLite, not a crosscheck store, corrupt, or written by
  // a newer schema than this build reads. Opening an older store migrates it forward.
  static std::unique_ptr<Store> open(const std::string& path, std::string& error);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // The schema version this build writes (and the newest it reads).
  static int schema_version();

  // Adds documents (text, metadata and annotation layers) in one transaction. Documents whose id
  // is already stored, or repeated within the batch, are skipped; `added` says how many were
  // new. False and `error` on failure (then nothing of the batch is kept).
  bool add_documents(const std::vector<Document>& documents, int& added, std::string& error);

  // Every stored document, in insertion order, with its annotation layers. A row whose layers
  // cannot be decoded is returned with its text and metadata and without those layers (they
  // are recomputed). False and `error` (and no documents) when the articles cannot all be
  // read: a partial read is never passed off as the whole corpus.
  bool load_documents(std::vector<Document>& documents, std::string& error) const;
  // Number of stored documents.
  int count_documents() const;

  // Writes Document::copy_group of every stored document in `documents` (matched by id) in one
  // transaction. Dedup runs after articles are added, so callers save its result with this.
  // Indices refer to load_documents() order. False and `error` on failure (nothing changed).
  bool update_copy_groups(const std::vector<Document>& documents, std::string& error);

  // Replaces the stored stories (with their summaries, facts, conflicts and assessments) in one
  // transaction. A story whose content changed gets version + 1 and its previous version goes to
  // the story history; stories missing from `stories` move to the history.
  bool save_stories(const std::vector<Story>& stories, std::string& error);
  // The stored stories in the order they were saved. A story whose stored form is damaged is
  // left out and named in `damaged`. False and `error` when the stories cannot all be read.
  bool load_stories(std::vector<Story>& stories, Problems& damaged, std::string& error) const;
  // Stored versions of one story, oldest first, not counting the current one.
  int history_versions(const std::string& story_id) const;

  // One writer per store: a batch is one transaction that holds the store's write lock from
  // begin_batch to commit_batch, and the write calls above made inside it become part of it,
  // so articles and the stories that cover them are committed together or not at all. When
  // another process holds a batch, `on_wait` is called once and begin_batch waits for it (10
  // minutes by default, set_writer_wait), then fails with a message naming the store. Readers
  // are never blocked (WAL). abandon_batch (and the destructor) roll an open batch back.
  bool begin_batch(std::string& error, const std::function<void()>& on_wait = {});
  bool commit_batch(std::string& error);
  void abandon_batch();
  void set_writer_wait(int milliseconds);

  // Fault injection for tests: called after each article row is inserted by add_documents,
  // with the number inserted so far in the batch (a test child process may _exit() here).
  void set_after_insert_hook(std::function<void(int inserted)> hook);

  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  bool add_documents_batch(const std::vector<Document>& documents, int& added, std::string& error);
  bool save_stories_batch(const std::vector<Story>& stories, std::string& error);
  bool load_documents_unchecked(std::vector<Document>& documents, std::string& error) const;
  bool load_stories_unchecked(std::vector<Story>& stories, Problems& damaged,
                              std::string& error) const;
  std::unique_ptr<Impl> impl_;
};

}  // namespace crosscheck
