// Streams of input bytes for the ingest readers: a file, stdin, memory, or a gzip stream over
// any of them (multi-member aware), with a buffered reader for lines and exact-length reads.
// Internal to the ingest stage.
#pragma once

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace crosscheck::ingest_internal {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `size` bytes into `buffer`; 0 means the end (or an error, see error()).
  virtual size_t read(char* buffer, size_t size) = 0;
  // Non-empty once the stream failed ("truncated gzip stream", "read error").
  virtual const std::string& error() const { return error_; }

 protected:
  std::string error_;
};

class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  size_t read(char* buffer, size_t size) override;

 private:
  std::string_view bytes_;
  size_t position_ = 0;
};

// Reads an open FILE*; closes it when `owned`.
class FileSource : public ByteSource {
 public:
  FileSource(std::FILE* file, bool owned) : file_(file), owned_(owned) {}
  ~FileSource() override;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;
  size_t read(char* buffer, size_t size) override;

 private:
  std::FILE* file_;
  bool owned_;
};

// Decompresses gzip from `inner`; concatenated members are read as one stream.
class GzipSource : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<ByteSource> inner);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;
  size_t read(char* buffer, size_t size) override;
  const std::string& error() const override;

 private:
  struct State;
  std::unique_ptr<ByteSource> inner_;
  std::unique_ptr<State> state_;
};

// Buffered reading with look-ahead, lines and exact-length reads. Counts bytes consumed.
class Reader {
 public:
  explicit Reader(ByteSource& source) : source_(source) {}

  // Makes at least `size` bytes visible to peek() unless the stream ends first.
  std::string_view peek(size_t size);
  // Reads one line without its "\n" (and "\r"). Returns false at the end of the stream. A line
  // longer than `max_size` is consumed up to its end and `too_long` is set (line is cleared).
  bool read_line(std::string& line, size_t max_size, bool& too_long);
  // Appends exactly `size` bytes to `out`; returns the number appended (less at the end).
  size_t read_exact(size_t size, std::string& out);
  // Skips `size` bytes; returns the number skipped.
  size_t skip(size_t size);
  // Reads everything left, at most `max_size` bytes; sets `too_long` when more remained.
  void read_all(std::string& out, size_t max_size, bool& too_long);

  size_t offset() const { return consumed_; }
  const std::string& error() const { return source_.error(); }

 private:
  bool fill();  // reads more into the buffer; false at the end

  ByteSource& source_;
  std::string buffer_;
  size_t start_ = 0;  // first unread byte in buffer_
  size_t consumed_ = 0;
};

// True when the bytes start with the gzip magic number.
bool is_gzip(std::string_view bytes);

// Decompresses a whole gzip buffer (all members) into `out`, at most `max_size` bytes.
// Returns false with `reason` on corrupt, truncated or oversize input.
bool gunzip(std::string_view bytes, size_t max_size, std::string& out, std::string& reason);

}  // namespace crosscheck::ingest_internal
