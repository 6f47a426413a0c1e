// Helpers for the ingest tests: a scratch folder and gzip compression.
#pragma once

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace crosscheck::ingest_test {

// A fresh folder under the system temp folder, removed when the object goes.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::random_device seed;
    path_ = std::filesystem::temp_directory_path() /
            ("crosscheck-ingest-" + std::to_string(seed()) + std::to_string(seed()));
    std::filesystem::create_directories(path_);
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  // Writes `bytes` to `relative` (creating folders) and returns the full path.
  std::string write(const std::string& relative, const std::string& bytes) const {
    std::filesystem::path full = path_ / relative;
    std::filesystem::create_directories(full.parent_path());
    std::ofstream out(full, std::ios::binary);
    out << bytes;
    return full.string();
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// One gzip member holding `bytes`.
inline std::string gzip(const std::string& bytes) {
  z_stream stream{};
  deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, bytes.size()) + 64, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A WARC/1.0 record with the given type, target and block.
inline std::string warc_record(const std::string& type, const std::string& id,
                               const std::string& uri, const std::string& content_type,
                               const std::string& block) {
  std::string record = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <" + id +
                       ">\r\nWARC-Date: 2024-05-02T10:00:00Z\r\n";
  if (!uri.empty()) record += "WARC-Target-URI: " + uri + "\r\n";
  record += "Content-Type: " + content_type +
            "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  return record;
}

// An HTTP 200 response record carrying `html`.
inline std::string warc_response(const std::string& id, const std::string& uri,
                                 const std::string& html,
                                 const std::string& content_type = "text/html; charset=utf-8") {
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: " + content_type +
                     "\r\nContent-Length: " + std::to_string(html.size()) + "\r\n\r\n" + html;
  return warc_record("response", id, uri, "application/http; msgtype=response", http);
}

}  // namespace crosscheck::ingest_test
