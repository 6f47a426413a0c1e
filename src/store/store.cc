#include "store/store.h"

#include <sqlite3.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "store/layers_codec.h"
#include "store/story_codec.h"

namespace crosscheck {
namespace {

// 'CrCk': marks a SQLite file as a crosscheck store (PRAGMA application_id).
constexpr int32_t kApplicationId = 0x4372436B;
constexpr const char* kApplicationName = "crosscheck";
constexpr int kBusyTimeoutMs = 5000;
// How long a batch waits for another process's batch to finish before giving up.
constexpr int kWriterWaitMs = 10 * 60 * 1000;

// Forward migrations, applied in order inside one transaction each; step i moves a store from
// user_version i to i + 1. Add steps at the end, never edit a released one.
struct Migration {
  const char* description;
  const char* sql;
};

constexpr Migration kMigrations[] = {
    {"create the schema", R"sql(
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
-- seq is an explicit INTEGER PRIMARY KEY so insertion order survives VACUUM (implicit rowids
-- may be renumbered); story documents are indices in that order.
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT,
  canonical_url TEXT,
  site TEXT,
  title TEXT,
  authors TEXT,
  published TEXT,
  published_from TEXT,
  lang TEXT,
  source TEXT,
  copy_group INTEGER NOT NULL DEFAULT -1,
  text TEXT NOT NULL,
  sentences BLOB,
  tokens BLOB,
  mentions BLOB,
  timexes BLOB,
  quantities BLOB,
  quotes BLOB,
  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  title TEXT,
  version INTEGER NOT NULL,
  json TEXT NOT NULL,
  saved_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE story_history (
  story_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  title TEXT,
  json TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  PRIMARY KEY (story_id, version)
);
)sql"},
    {"keep earlier versions of updated articles", R"sql(
CREATE TABLE article_history (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  url TEXT,
  canonical_url TEXT,
  site TEXT,
  title TEXT,
  authors TEXT,
  published TEXT,
  published_from TEXT,
  lang TEXT,
  source TEXT,
  text TEXT NOT NULL,
  added_at TEXT NOT NULL,
  replaced_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (id, version)
);
)sql"},
};

constexpr int kSchemaVersion = static_cast<int>(std::size(kMigrations));

// A prepared statement owned by the store and reused across calls; Use resets it on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql, std::string& error) {
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK) {
      error = sqlite3_errmsg(db);
      stmt_ = nullptr;
    }
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

class Use {
 public:
  explicit Use(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~Use() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  Use(const Use&) = delete;
  Use& operator=(const Use&) = delete;

  // Empty strings are bound as NULL: unknown metadata stays unknown in the table.
  void text_or_null(int index, const std::string& value) {
    if (value.empty()) {
      sqlite3_bind_null(stmt_, index);
    } else {
      sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                        SQLITE_TRANSIENT);
    }
  }
  void text(int index, const std::string& value) {
    sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  }
  void blob(int index, const std::string& value) {
    sqlite3_bind_blob(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  }
  void integer(int index, int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
  int step() { return sqlite3_step(stmt_); }

  std::string column_text(int column) const {
    const unsigned char* value = sqlite3_column_text(stmt_, column);
    if (!value) return {};
    return std::string(reinterpret_cast<const char*>(value),
                       static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
  }
  std::string_view column_blob(int column) const {
    const void* value = sqlite3_column_blob(stmt_, column);
    if (!value) return {};
    return std::string_view(static_cast<const char*>(value),
                            static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
  }
  int64_t column_integer(int column) const { return sqlite3_column_int64(stmt_, column); }

 private:
  sqlite3_stmt* stmt_;
};

bool file_exists_nonempty(const std::string& path, std::string& header) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  char buffer[100];
  file.read(buffer, sizeof buffer);
  header.assign(buffer, static_cast<size_t>(file.gcount()));
  return !header.empty();
}

std::string authors_to_json(const std::vector<std::string>& authors) {
  if (authors.empty()) return {};
  return nlohmann::json(authors).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> authors_from_json(const std::string& text) {
  if (text.empty()) return {};
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  std::vector<std::string> authors;
  if (!parsed.is_array()) return authors;
  for (const auto& item : parsed) {
    if (item.is_string()) authors.push_back(item.get<std::string>());
  }
  return authors;
}

}  // namespace

struct Store::Impl {
  sqlite3* db = nullptr;
  std::string path;
  std::function<void(int)> after_insert_hook;
  std::unique_ptr<Statement> insert_article;
  std::unique_ptr<Statement> stored_text;
  std::unique_ptr<Statement> keep_history;

  ~Impl() {
    insert_article.reset();
    stored_text.reset();
    keep_history.reset();
    if (db) sqlite3_close_v2(db);
  }

  std::string describe(const char* what) const {
    return std::string(what) + " (" + path + "): " + sqlite3_errmsg(db);
  }

  bool exec(const char* sql, std::string& error) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      error = message ? message : sqlite3_errmsg(db);
      sqlite3_free(message);
      return false;
    }
    return true;
  }

  // Runs a one-value query such as a PRAGMA; false and `error` when it fails.
  bool query_text(const char* sql, std::string& value, std::string& error) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
      error = sqlite3_errmsg(db);
      return false;
    }
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(stmt, 0);
      value = text ? reinterpret_cast<const char*>(text) : "";
    } else if (rc != SQLITE_DONE) {
      error = sqlite3_errmsg(db);
      sqlite3_finalize(stmt);
      return false;
    }
    sqlite3_finalize(stmt);
    return true;
  }

  bool query_int(const char* sql, int64_t& value, std::string& error) {
    std::string text;
    if (!query_text(sql, text, error)) return false;
    value = text.empty() ? 0 : std::strtoll(text.c_str(), nullptr, 10);
    return true;
  }

  // Inside a batch (Store::begin_batch) each write call is a savepoint of the batch's
  // transaction; outside one it is a transaction of its own.
  bool in_batch = false;
  int writer_wait_ms = kWriterWaitMs;

  bool begin_write(std::string& error) {
    return exec(in_batch ? "SAVEPOINT write_call" : "BEGIN IMMEDIATE", error);
  }
  bool commit_write(std::string& error) {
    return exec(in_batch ? "RELEASE write_call" : "COMMIT", error);
  }
  void rollback() {
    if (in_batch) {
      sqlite3_exec(db, "ROLLBACK TO write_call; RELEASE write_call", nullptr, nullptr, nullptr);
      return;
    }
    if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  }

  // Applies the forward migrations one transaction each. The version is read again inside each
  // write transaction, so two processes opening a new store at once do not both create it.
  bool migrate(std::string& error) {
    // A store that is already current needs no write lock: another process's long batch must
    // not make opening it fail.
    int64_t current = 0;
    std::string read_error;
    if (query_int("PRAGMA user_version", current, read_error) && current >= kSchemaVersion)
      return true;
    // Migrating waits for other writers as long as a batch would.
    sqlite3_busy_timeout(db, writer_wait_ms);
    struct RestoreTimeout {
      sqlite3* db;
      ~RestoreTimeout() { sqlite3_busy_timeout(db, kBusyTimeoutMs); }
    } restore{db};
    while (true) {
      std::string step_error;
      int64_t version = 0;
      if (!exec("BEGIN IMMEDIATE", step_error) ||
          !query_int("PRAGMA user_version", version, step_error)) {
        rollback();
        error = "cannot migrate store " + path + ": " + step_error;
        return false;
      }
      if (version >= kSchemaVersion) return exec("COMMIT", error);
      const Migration& step = kMigrations[version];
      std::string bump = "PRAGMA user_version = " + std::to_string(version + 1);
      std::string mark = "PRAGMA application_id = " + std::to_string(kApplicationId);
      bool ok = exec(step.sql, step_error) && exec(mark.c_str(), step_error) &&
                exec(bump.c_str(), step_error);
      if (ok && version == 0) {
        ok = exec(
            "INSERT INTO meta(key, value) VALUES ('application', 'crosscheck'), "
            "('created_by', '" CROSSCHECK_VERSION
            "'), "
            "('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
            step_error);
      }
      if (ok) {
        std::string schema = "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema', '" +
                             std::to_string(version + 1) + "')";
        ok = exec(schema.c_str(), step_error) && exec("COMMIT", step_error);
      }
      if (!ok) {
        rollback();
        error = "cannot migrate store " + path + " to schema " + std::to_string(version + 1) +
                " (" + step.description + "): " + step_error;
        return false;
      }
    }
  }

  // Switches a file store to WAL. The switch needs the file to itself, and SQLite does not wait
  // for that on its own, so a store being created by another process is waited for here.
  bool enable_wal(std::string& error) {
    std::string mode;
    for (int waited_ms = 0;; waited_ms += 20) {
      error.clear();
      if (query_text("PRAGMA journal_mode=WAL", mode, error) && mode == "wal") return true;
      bool busy = (sqlite3_errcode(db) & 0xFF) == SQLITE_BUSY;
      if (!busy || waited_ms >= writer_wait_ms) {
        if (error.empty()) error = mode;
        return false;
      }
      sqlite3_sleep(20);
    }
  }
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() { abandon_batch(); }

int Store::schema_version() { return kSchemaVersion; }

std::unique_ptr<Store> Store::open(const std::string& path, std::string& error) {
  bool in_memory = path == ":memory:" || path.empty();
  std::string header;
  bool existing = !in_memory && file_exists_nonempty(path, header);
  static constexpr char kSqliteMagic[] = "SQLite format 3";  // followed by a NUL byte
  if (existing && (header.size() < 100 || std::memcmp(header.data(), kSqliteMagic, 16) != 0)) {
    error = "cannot open store " + path +
            ": not a SQLite database (so not a crosscheck store; refusing to overwrite it)";
    return nullptr;
  }

  auto impl = std::make_unique<Impl>();
  impl->path = in_memory ? ":memory:" : path;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(impl->path.c_str(), &impl->db, flags, nullptr) != SQLITE_OK) {
    error = impl->db ? impl->describe("cannot open store")
                     : "cannot open store " + path + ": out of memory";
    return nullptr;
  }
  sqlite3_extended_result_codes(impl->db, 1);
  sqlite3_busy_timeout(impl->db, kBusyTimeoutMs);

  int64_t application_id = 0, user_version = 0, objects = 0;
  std::string sql_error;
  // One read transaction, so the three values come from the same snapshot even while another
  // process is creating the store.
  bool read = impl->exec("BEGIN", sql_error) &&
              impl->query_int("PRAGMA application_id", application_id, sql_error) &&
              impl->query_int("PRAGMA user_version", user_version, sql_error) &&
              impl->query_int("SELECT count(*) FROM sqlite_schema", objects, sql_error);
  impl->rollback();
  if (!read) {
    error = "store " + path + " is corrupt or not a database (" + sql_error + ")";
    return nullptr;
  }
  bool fresh = application_id == 0 && user_version == 0 && objects == 0;
  if (!fresh && application_id != kApplicationId) {
    error = "cannot open store " + path +
            ": it is a SQLite database but not a crosscheck store (application_id " +
            std::to_string(application_id) + ")";
    return nullptr;
  }
  if (existing) {
    std::string check;
    if (!impl->query_text("PRAGMA quick_check", check, sql_error)) {
      error = "store " + path + " is corrupt: " + sql_error;
      return nullptr;
    }
    if (check != "ok") {
      error = "store " + path + " is corrupt (integrity check: " + check + ")";
      return nullptr;
    }
  }
  if (user_version > kSchemaVersion) {
    error = "store " + path + " was written by a newer crosscheck (schema " +
            std::to_string(user_version) + "; this build reads up to schema " +
            std::to_string(kSchemaVersion) + "); upgrade crosscheck to use it";
    return nullptr;
  }
  if (!in_memory) {
    if (!impl->enable_wal(sql_error)) {
      error = "cannot open store " + path + " in WAL mode: " + sql_error;
      return nullptr;
    }
    // In WAL mode NORMAL is safe against corruption; only the last commit can be lost on power
    // failure, never on a process crash.
    impl->exec("PRAGMA synchronous=NORMAL", sql_error);
  }
  impl->exec("PRAGMA foreign_keys=ON", sql_error);
  if (!impl->migrate(error)) return nullptr;

  std::string application;
  if (!impl->query_text("SELECT value FROM meta WHERE key = 'application'", application,
                        sql_error) ||
      application != kApplicationName) {
    error = "cannot open store " + path + ": its meta table does not name crosscheck";
    return nullptr;
  }
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

bool Store::add_documents(const std::vector<Document>& documents, int& added, std::string& error) {
  AddCounts counts;
  bool ok = add_documents(documents, counts, error);
  added = counts.added;
  return ok;
}

bool Store::add_documents(const std::vector<Document>& documents, AddCounts& counts,
                          std::string& error) {
  // Out of memory is the one exception the calls below can raise; it must not cross the API
  // or leave the transaction open.
  try {
    return add_documents_batch(documents, counts, error);
  } catch (const std::exception& problem) {
    impl_->rollback();
    counts = {};
    error = std::string("cannot store articles: ") + problem.what();
    return false;
  }
}

namespace {

std::unique_ptr<Statement> prepare(sqlite3* db, const char* sql, const char* what,
                                   std::string& error) {
  std::string prepare_error;
  auto statement = std::make_unique<Statement>(db, sql, prepare_error);
  if (!statement->get()) {
    error = std::string("cannot prepare ") + what + ": " + prepare_error;
    return nullptr;
  }
  return statement;
}

}  // namespace

bool Store::add_documents_batch(const std::vector<Document>& documents, AddCounts& counts,
                                std::string& error) {
  counts = {};
  Impl& impl = *impl_;
  if (!impl.insert_article) {
    // An update keeps the row (and so its place in insertion order); its copy group is
    // recomputed by the next dedup.
    impl.insert_article = prepare(impl.db, R"sql(
INSERT INTO articles (id, url, canonical_url, site, title, authors, published, published_from,
                      lang, source, copy_group, text, sentences, tokens, mentions, timexes,
                      quantities, quotes)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
ON CONFLICT (id) DO UPDATE SET
  url = excluded.url, canonical_url = excluded.canonical_url, site = excluded.site,
  title = excluded.title, authors = excluded.authors, published = excluded.published,
  published_from = excluded.published_from, lang = excluded.lang, source = excluded.source,
  copy_group = -1, text = excluded.text, sentences = excluded.sentences,
  tokens = excluded.tokens, mentions = excluded.mentions, timexes = excluded.timexes,
  quantities = excluded.quantities, quotes = excluded.quotes,
  added_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))sql",
                                  "article insert", error);
    impl.stored_text =
        prepare(impl.db, "SELECT text FROM articles WHERE id = ?1", "article lookup", error);
    impl.keep_history = prepare(impl.db, R"sql(
INSERT INTO article_history (id, version, url, canonical_url, site, title, authors, published,
                             published_from, lang, source, text, added_at)
SELECT id, (SELECT count(*) + 1 FROM article_history WHERE id = ?1), url, canonical_url, site,
       title, authors, published, published_from, lang, source, text, added_at
FROM articles WHERE id = ?1)sql",
                                "article history", error);
    if (!impl.insert_article || !impl.stored_text || !impl.keep_history) {
      impl.insert_article.reset();
      return false;
    }
  }
  std::string sql_error;
  if (!impl.begin_write(sql_error)) {
    error = "cannot start a transaction on " + impl.path + ": " + sql_error;
    return false;
  }
  AddCounts batch;
  for (const Document& doc : documents) {
    bool stored = false, same = false;
    {
      Use lookup(impl.stored_text->get());
      lookup.text(1, doc.id);
      if (lookup.step() == SQLITE_ROW) {
        stored = true;
        same = lookup.column_text(0) == doc.text;
      }
    }
    if (same) {
      ++batch.unchanged;
      continue;
    }
    if (stored) {
      Use history(impl.keep_history->get());
      history.text(1, doc.id);
      if (history.step() != SQLITE_DONE) {
        error = impl.describe(("cannot keep the earlier version of article " + doc.id).c_str());
        impl.rollback();
        return false;
      }
    }
    Use insert(impl.insert_article->get());
    insert.text(1, doc.id);
    insert.text_or_null(2, doc.url);
    insert.text_or_null(3, doc.canonical_url);
    insert.text_or_null(4, doc.site);
    insert.text_or_null(5, doc.title);
    insert.text_or_null(6, authors_to_json(doc.authors));
    insert.text_or_null(7, doc.published);
    insert.text_or_null(8, doc.published_from);
    insert.text_or_null(9, doc.lang);
    insert.text_or_null(10, doc.source);
    insert.integer(11, doc.copy_group);
    insert.text(12, doc.text);
    insert.blob(13, store_codec::encode_sentences(doc.sentences));
    insert.blob(14, store_codec::encode_tokens(doc.tokens));
    insert.blob(15, store_codec::encode_mentions(doc.mentions));
    insert.blob(16, store_codec::encode_timexes(doc.timexes));
    insert.blob(17, store_codec::encode_quantities(doc.quantities));
    insert.blob(18, store_codec::encode_quotes(doc.quotes));
    if (insert.step() != SQLITE_DONE) {
      error = impl.describe(("cannot store article " + doc.id).c_str());
      impl.rollback();
      return false;
    }
    ++(stored ? batch.updated : batch.added);
    if (impl.after_insert_hook) impl.after_insert_hook(batch.added + batch.updated);
  }
  if (!impl.commit_write(sql_error)) {
    error = "cannot commit articles to " + impl.path + ": " + sql_error;
    impl.rollback();
    return false;
  }
  counts = batch;
  return true;
}

int Store::article_versions(const std::string& id) const {
  std::string error;
  Statement count(impl_->db, "SELECT count(*) FROM article_history WHERE id = ?1", error);
  if (!count.get()) return 0;
  Use row(count.get());
  row.text(1, id);
  return row.step() == SQLITE_ROW ? static_cast<int>(row.column_integer(0)) : 0;
}

bool Store::load_documents(std::vector<Document>& documents, std::string& error) const {
  documents.clear();
  try {
    if (load_documents_unchecked(documents, error)) return true;
  } catch (const std::exception& problem) {
    error = std::string("out of memory (") + problem.what() + ")";
  }
  error = "cannot read the articles of " + impl_->path + ": " + error;
  documents.clear();
  return false;
}

bool Store::load_documents_unchecked(std::vector<Document>& documents, std::string& error) const {
  Statement select(impl_->db, R"sql(
SELECT id, url, canonical_url, site, title, authors, published, published_from, lang, source,
       copy_group, text, sentences, tokens, mentions, timexes, quantities, quotes
FROM articles ORDER BY seq)sql",
                   error);
  if (!select.get()) return false;
  Use rows(select.get());
  int rc;
  while ((rc = rows.step()) == SQLITE_ROW) {
    Document doc;
    doc.id = rows.column_text(0);
    doc.url = rows.column_text(1);
    doc.canonical_url = rows.column_text(2);
    doc.site = rows.column_text(3);
    doc.title = rows.column_text(4);
    doc.authors = authors_from_json(rows.column_text(5));
    doc.published = rows.column_text(6);
    doc.published_from = rows.column_text(7);
    doc.lang = rows.column_text(8);
    doc.source = rows.column_text(9);
    doc.copy_group = static_cast<int32_t>(rows.column_integer(10));
    doc.text = rows.column_text(11);
    // A layer that does not decode is dropped on its own: the text and the other layers stay
    // usable and the layer can be recomputed.
    store_codec::decode_sentences(rows.column_blob(12), doc.sentences);
    store_codec::decode_tokens(rows.column_blob(13), doc.tokens);
    store_codec::decode_mentions(rows.column_blob(14), doc.mentions);
    store_codec::decode_timexes(rows.column_blob(15), doc.timexes);
    store_codec::decode_quantities(rows.column_blob(16), doc.quantities);
    store_codec::decode_quotes(rows.column_blob(17), doc.quotes);
    documents.push_back(std::move(doc));
  }
  if (rc != SQLITE_DONE) {
    // A read that stops early would look like a smaller corpus: it is an error, never a result.
    error = "reading stopped after " + std::to_string(documents.size()) +
            " articles: " + sqlite3_errmsg(impl_->db);
    return false;
  }
  return true;
}

bool Store::update_copy_groups(const std::vector<Document>& documents, std::string& error) {
  Impl& impl = *impl_;
  std::string sql_error;
  Statement update(impl.db, "UPDATE articles SET copy_group = ?2 WHERE id = ?1", sql_error);
  if (!update.get()) {
    error = "cannot prepare copy group update: " + sql_error;
    return false;
  }
  if (!impl.begin_write(sql_error)) {
    error = "cannot start a transaction on " + impl.path + ": " + sql_error;
    return false;
  }
  for (const Document& doc : documents) {
    Use set(update.get());
    set.text(1, doc.id);
    set.integer(2, doc.copy_group);
    if (set.step() != SQLITE_DONE) {
      error = impl.describe(("cannot update the copy group of " + doc.id).c_str());
      impl.rollback();
      return false;
    }
  }
  if (!impl.commit_write(sql_error)) {
    error = "cannot commit copy groups to " + impl.path + ": " + sql_error;
    impl.rollback();
    return false;
  }
  return true;
}

int Store::count_documents() const {
  int64_t count = 0;
  std::string error;
  impl_->query_int("SELECT count(*) FROM articles", count, error);
  return static_cast<int>(count);
}

bool Store::save_stories(const std::vector<Story>& stories, std::string& error) {
  try {
    return save_stories_batch(stories, error);
  } catch (const std::exception& problem) {
    impl_->rollback();
    error = std::string("cannot save stories: ") + problem.what();
    return false;
  }
}

bool Store::save_stories_batch(const std::vector<Story>& stories, std::string& error) {
  Impl& impl = *impl_;
  std::set<std::string> seen;
  for (const Story& story : stories) {
    if (!seen.insert(story.id).second) {
      error = "cannot save stories: two stories share the id " + story.id;
      return false;
    }
  }
  std::string sql_error;
  if (!impl.begin_write(sql_error)) {
    error = "cannot start a transaction on " + impl.path + ": " + sql_error;
    return false;
  }
  auto fail = [&](const std::string& what) {
    error = impl.describe(what.c_str());
    impl.rollback();
    return false;
  };
  std::string prepare_error;
  Statement select(impl.db, "SELECT id, json FROM stories", prepare_error);
  Statement archive(
      impl.db,
      "INSERT OR REPLACE INTO story_history (story_id, version, title, json, "
      "saved_at) SELECT id, version, title, json, saved_at FROM stories WHERE id = ?1",
      prepare_error);
  Statement remove(impl.db, "DELETE FROM stories WHERE id = ?1", prepare_error);
  Statement insert(impl.db,
                   "INSERT INTO stories (id, position, title, version, json) "
                   "VALUES (?1, ?2, ?3, 1, ?4)",
                   prepare_error);
  Statement update(impl.db,
                   "UPDATE stories SET position = ?2, title = ?3, json = ?4, version = version + 1,"
                   " saved_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                   prepare_error);
  Statement reposition(impl.db, "UPDATE stories SET position = ?2 WHERE id = ?1", prepare_error);
  if (!prepare_error.empty()) {
    impl.rollback();
    error = "cannot prepare story statements: " + prepare_error;
    return false;
  }

  std::map<std::string, std::string> stored;  // id -> json
  {
    Use rows(select.get());
    int rc;
    while ((rc = rows.step()) == SQLITE_ROW) stored[rows.column_text(0)] = rows.column_text(1);
    if (rc != SQLITE_DONE) return fail("cannot read stories");
  }
  for (const auto& [id, json] : stored) {
    if (seen.count(id)) continue;
    Use move_out(archive.get());
    move_out.text(1, id);
    if (move_out.step() != SQLITE_DONE) return fail("cannot archive story " + id);
    Use drop(remove.get());
    drop.text(1, id);
    if (drop.step() != SQLITE_DONE) return fail("cannot remove story " + id);
  }
  int position = 0;
  for (const Story& story : stories) {
    std::string json = store_codec::story_to_json(story);
    auto it = stored.find(story.id);
    if (it == stored.end()) {
      Use add(insert.get());
      add.text(1, story.id);
      add.integer(2, position);
      add.text_or_null(3, story.title);
      add.text(4, json);
      if (add.step() != SQLITE_DONE) return fail("cannot save story " + story.id);
    } else if (it->second == json) {
      Use move(reposition.get());
      move.text(1, story.id);
      move.integer(2, position);
      if (move.step() != SQLITE_DONE) return fail("cannot save story " + story.id);
    } else {
      Use move_out(archive.get());
      move_out.text(1, story.id);
      if (move_out.step() != SQLITE_DONE) return fail("cannot archive story " + story.id);
      Use change(update.get());
      change.text(1, story.id);
      change.integer(2, position);
      change.text_or_null(3, story.title);
      change.text(4, json);
      if (change.step() != SQLITE_DONE) return fail("cannot save story " + story.id);
    }
    ++position;
  }
  if (!impl.commit_write(sql_error)) {
    error = "cannot commit stories to " + impl.path + ": " + sql_error;
    impl.rollback();
    return false;
  }
  return true;
}

bool Store::load_stories(std::vector<Story>& stories, Problems& damaged, std::string& error) const {
  stories.clear();
  try {
    if (load_stories_unchecked(stories, damaged, error)) return true;
  } catch (const std::exception& problem) {
    error = std::string("out of memory (") + problem.what() + ")";
  }
  error = "cannot read the stories of " + impl_->path + ": " + error;
  stories.clear();
  return false;
}

bool Store::load_stories_unchecked(std::vector<Story>& stories, Problems& damaged,
                                   std::string& error) const {
  Statement select(impl_->db, "SELECT id, json FROM stories ORDER BY position", error);
  if (!select.get()) return false;
  Use rows(select.get());
  int rc;
  while ((rc = rows.step()) == SQLITE_ROW) {
    Story story;
    std::string decode_error;
    // A story that does not decode is named, not hidden; the next analysis rewrites it.
    if (store_codec::story_from_json(rows.column_text(1), story, decode_error)) {
      stories.push_back(std::move(story));
    } else {
      damaged.push_back({impl_->path + ": story " + rows.column_text(0),
                         "stored story is damaged and was left out (" + decode_error + ")"});
    }
  }
  if (rc != SQLITE_DONE) {
    error = "reading stopped after " + std::to_string(stories.size()) +
            " stories: " + sqlite3_errmsg(impl_->db);
    return false;
  }
  return true;
}

bool Store::begin_batch(std::string& error, const std::function<void()>& on_wait) {
  Impl& impl = *impl_;
  if (impl.in_batch) {
    error = "a batch is already open on " + impl.path;
    return false;
  }
  // Try once without waiting, so a caller can say that it waits for another writer.
  sqlite3_busy_timeout(impl.db, 0);
  std::string sql_error;
  bool ok = impl.exec("BEGIN IMMEDIATE", sql_error);
  if (!ok && (sqlite3_errcode(impl.db) & 0xFF) == SQLITE_BUSY) {
    if (on_wait) on_wait();
    sqlite3_busy_timeout(impl.db, impl.writer_wait_ms);
    ok = impl.exec("BEGIN IMMEDIATE", sql_error);
  }
  sqlite3_busy_timeout(impl.db, kBusyTimeoutMs);
  if (!ok) {
    bool busy = (sqlite3_errcode(impl.db) & 0xFF) == SQLITE_BUSY;
    error = busy ? "another crosscheck process is writing to " + impl.path + "; gave up after " +
                       std::to_string(impl.writer_wait_ms / 1000) + " s of waiting"
                 : "cannot start a batch on " + impl.path + ": " + sql_error;
    return false;
  }
  impl.in_batch = true;
  return true;
}

bool Store::commit_batch(std::string& error) {
  Impl& impl = *impl_;
  if (!impl.in_batch) {
    error = "no batch is open on " + impl.path;
    return false;
  }
  std::string sql_error;
  impl.in_batch = false;
  if (!impl.exec("COMMIT", sql_error)) {
    error = "cannot commit the batch to " + impl.path + ": " + sql_error;
    impl.rollback();
    return false;
  }
  return true;
}

void Store::abandon_batch() {
  if (!impl_->in_batch) return;
  impl_->in_batch = false;
  impl_->rollback();
}

void Store::set_writer_wait(int milliseconds) { impl_->writer_wait_ms = milliseconds; }

int Store::history_versions(const std::string& story_id) const {
  std::string error;
  Statement count(impl_->db, "SELECT count(*) FROM story_history WHERE story_id = ?1", error);
  if (!count.get()) return 0;
  Use query(count.get());
  query.text(1, story_id);
  if (query.step() != SQLITE_ROW) return 0;
  return static_cast<int>(query.column_integer(0));
}

void Store::set_after_insert_hook(std::function<void(int inserted)> hook) {
  impl_->after_insert_hook = std::move(hook);
}

}  // namespace crosscheck
