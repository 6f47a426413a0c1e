#include "ingest/byte_source.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>

namespace crosscheck::ingest_internal {

namespace {
constexpr size_t kChunk = size_t{1} << 16;
}  // namespace

size_t MemorySource::read(char* buffer, size_t size) {
  size_t count = std::min(size, bytes_.size() - position_);
  std::memcpy(buffer, bytes_.data() + position_, count);
  position_ += count;
  return count;
}

FileSource::~FileSource() {
  if (owned_ && file_ != nullptr) std::fclose(file_);
}

size_t FileSource::read(char* buffer, size_t size) {
  size_t count = std::fread(buffer, 1, size, file_);
  if (count == 0 && std::ferror(file_)) error_ = "read error";
  return count;
}

struct GzipSource::State {
  z_stream stream{};
  bool initialised = false;
  bool finished = false;
  bool member_ended = false;  // the last member ended cleanly; more input may start another
  std::string input;
  std::string error;
};

GzipSource::GzipSource(std::unique_ptr<ByteSource> inner)
    : inner_(std::move(inner)), state_(std::make_unique<State>()) {
  state_->input.resize(kChunk);
  // 16 + MAX_WBITS: gzip wrapper only.
  if (inflateInit2(&state_->stream, 16 + MAX_WBITS) == Z_OK) {
    state_->initialised = true;
  } else {
    state_->error = "cannot initialise zlib";
    state_->finished = true;
  }
}

GzipSource::~GzipSource() {
  if (state_->initialised) inflateEnd(&state_->stream);
}

const std::string& GzipSource::error() const {
  return state_->error.empty() ? inner_->error() : state_->error;
}

size_t GzipSource::read(char* buffer, size_t size) {
  State& s = *state_;
  if (s.finished || size == 0) return 0;
  z_stream& z = s.stream;
  z.next_out = reinterpret_cast<Bytef*>(buffer);
  z.avail_out = static_cast<uInt>(std::min<size_t>(size, 1u << 30));
  while (z.avail_out > 0) {
    if (z.avail_in == 0) {
      size_t got = inner_->read(s.input.data(), s.input.size());
      if (got == 0) {
        // Input ended: clean only when it ended between members.
        if (!s.member_ended) s.error = "truncated gzip stream";
        s.finished = true;
        break;
      }
      z.next_in = reinterpret_cast<Bytef*>(s.input.data());
      z.avail_in = static_cast<uInt>(got);
    }
    if (s.member_ended) {
      // Bytes after a member: another member starts (trailing NUL padding is tolerated).
      while (z.avail_in > 0 && *z.next_in == 0) ++z.next_in, --z.avail_in;
      if (z.avail_in == 0) continue;
      inflateReset(&z);
      s.member_ended = false;
    }
    int status = inflate(&z, Z_NO_FLUSH);
    if (status == Z_STREAM_END) {
      s.member_ended = true;
    } else if (status != Z_OK && !(status == Z_BUF_ERROR && z.avail_in == 0)) {
      s.error = z.msg != nullptr ? std::string("corrupt gzip stream: ") + z.msg
                                 : std::string("corrupt gzip stream");
      s.finished = true;
      break;
    }
  }
  return size - z.avail_out;
}

bool Reader::fill() {
  if (start_ > 0 && start_ >= buffer_.size() / 2) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
  size_t old_size = buffer_.size();
  buffer_.resize(old_size + kChunk);
  size_t got = source_.read(buffer_.data() + old_size, kChunk);
  buffer_.resize(old_size + got);
  return got > 0;
}

std::string_view Reader::peek(size_t size) {
  while (buffer_.size() - start_ < size && fill()) {
  }
  std::string_view view(buffer_);
  view.remove_prefix(start_);
  return view.substr(0, std::min(size, view.size()));
}

bool Reader::read_line(std::string& line, size_t max_size, bool& too_long) {
  line.clear();
  too_long = false;
  bool any = false;
  while (true) {
    if (start_ >= buffer_.size() && !fill()) break;
    any = true;
    std::string_view view(buffer_);
    view.remove_prefix(start_);
    size_t newline = view.find('\n');
    std::string_view part = newline == std::string_view::npos ? view : view.substr(0, newline);
    if (!too_long) {
      if (line.size() + part.size() > max_size) {
        too_long = true;
        line.clear();
      } else {
        line.append(part);
      }
    }
    size_t used = newline == std::string_view::npos ? view.size() : newline + 1;
    start_ += used;
    consumed_ += used;
    if (newline != std::string_view::npos) break;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return any;
}

size_t Reader::read_exact(size_t size, std::string& out) {
  size_t done = 0;
  while (done < size) {
    if (start_ >= buffer_.size() && !fill()) break;
    size_t take = std::min(size - done, buffer_.size() - start_);
    out.append(buffer_, start_, take);
    start_ += take;
    done += take;
  }
  consumed_ += done;
  return done;
}

size_t Reader::skip(size_t size) {
  size_t done = 0;
  while (done < size) {
    if (start_ >= buffer_.size()) {
      buffer_.clear();
      start_ = 0;
      if (!fill()) break;
    }
    size_t take = std::min(size - done, buffer_.size() - start_);
    start_ += take;
    done += take;
  }
  consumed_ += done;
  return done;
}

void Reader::read_all(std::string& out, size_t max_size, bool& too_long) {
  too_long = false;
  read_exact(max_size - std::min(max_size, out.size()), out);
  if (out.size() >= max_size && !peek(1).empty()) too_long = true;
}

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F &&
         static_cast<unsigned char>(bytes[1]) == 0x8B;
}

bool gunzip(std::string_view bytes, size_t max_size, std::string& out, std::string& reason) {
  GzipSource source(std::make_unique<MemorySource>(bytes));
  Reader reader(source);
  bool too_long = false;
  out.clear();
  reader.read_all(out, max_size, too_long);
  if (too_long) {
    reason = "larger than " + std::to_string(max_size) + " bytes after decompression";
    out.clear();
    return false;
  }
  if (!reader.error().empty()) {
    reason = reader.error();
    return false;
  }
  return true;
}

}  // namespace crosscheck::ingest_internal
