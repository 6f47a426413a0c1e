// Placeholder until the SQLite store lands.
#include "store/store.h"

namespace crosscheck {

struct Store::Impl {};
Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;
int Store::schema_version() { return 0; }
std::unique_ptr<Store> Store::open(const std::string&, std::string& error) {
  error = "store not built yet";
  return nullptr;
}
bool Store::add_documents(const std::vector<Document>&, int& added, std::string&) {
  added = 0;
  return true;
}
std::vector<Document> Store::load_documents() const { return {}; }
bool Store::save_stories(const std::vector<Story>&, std::string&) { return true; }
std::vector<Story> Store::load_stories() const { return {}; }

}  // namespace crosscheck
