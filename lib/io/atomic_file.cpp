// The one atomic file writer (see atomic_file.hpp and docs/robustness.md, "Output files").
#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>

#include "kneerehab/core/error.hpp"

namespace kneerehab::detail {
namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// Removing temporary files when a signal ends the process.
//
// A fixed table of slots, each naming one temporary file as a directory descriptor and a short
// name, so that the handler needs nothing but unlinkat (async-signal-safe) and lock-free
// atomics. The handlers are installed while at least one write is in flight, only for signals
// left at their default action (an application that handles or ignores a signal decides for
// itself), and the previous actions are restored when the last write ends.

constexpr std::array<int, 3> cleanup_signals = {SIGHUP, SIGINT, SIGTERM};
constexpr std::size_t max_slots = 64;
constexpr std::size_t name_capacity = 32;  // ".kr-XXXXXX-journal" and its NUL fit

enum slot_state : int { slot_free = 0, slot_filling = 1, slot_ready = 2 };

struct temp_slot {
  std::atomic<int> state{slot_free};
  int dirfd = -1;
  char name[name_capacity] = {};
  char journal[name_capacity] = {};
};

static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs lock-free atomics");

temp_slot slots[max_slots];
struct sigaction previous_actions[cleanup_signals.size()];
bool handler_installed[cleanup_signals.size()] = {};
std::mutex registry_mutex;
int writes_in_flight = 0;  // guarded by registry_mutex

void remove_temporaries_and_reraise(int sig) {
  const int saved_errno = errno;
  for (auto& slot : slots) {
    if (slot.state.load(std::memory_order_acquire) == slot_ready) {
      ::unlinkat(slot.dirfd, slot.name, 0);
      ::unlinkat(slot.dirfd, slot.journal, 0);
    }
  }
  for (std::size_t i = 0; i < cleanup_signals.size(); ++i) {
    if (cleanup_signals[i] == sig) ::sigaction(sig, &previous_actions[i], nullptr);
  }
  // The signal is blocked while its handler runs: it is delivered again, with the previous
  // (default) action, when the handler returns.
  ::raise(sig);
  errno = saved_errno;
}

bool is_default_action(const struct sigaction& action) {
  return (action.sa_flags & SA_SIGINFO) == 0 && action.sa_handler == SIG_DFL;
}

void install_handlers() {
  for (std::size_t i = 0; i < cleanup_signals.size(); ++i) {
    struct sigaction current {};
    if (::sigaction(cleanup_signals[i], nullptr, &current) != 0 || !is_default_action(current)) {
      continue;
    }
    struct sigaction ours {};
    ours.sa_handler = remove_temporaries_and_reraise;
    sigemptyset(&ours.sa_mask);
    for (int sig : cleanup_signals) sigaddset(&ours.sa_mask, sig);
    previous_actions[i] = current;
    if (::sigaction(cleanup_signals[i], &ours, nullptr) == 0) handler_installed[i] = true;
  }
}

void restore_handlers() {
  for (std::size_t i = 0; i < cleanup_signals.size(); ++i) {
    if (!handler_installed[i]) continue;
    handler_installed[i] = false;
    struct sigaction current {};
    // Restore only what is still ours: a handler the application set meanwhile stays.
    if (::sigaction(cleanup_signals[i], nullptr, &current) == 0 &&
        (current.sa_flags & SA_SIGINFO) == 0 &&
        current.sa_handler == remove_temporaries_and_reraise) {
      ::sigaction(cleanup_signals[i], &previous_actions[i], nullptr);
    }
  }
}

// Blocks the cleanup signals in this thread for its lifetime, so that creating a temporary
// file and registering it (or renaming it and unregistering it) happen as one step.
class signals_blocked {
 public:
  signals_blocked() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : cleanup_signals) sigaddset(&set, sig);
    ::pthread_sigmask(SIG_BLOCK, &set, &previous_);
  }
  ~signals_blocked() { ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
  signals_blocked(const signals_blocked&) = delete;
  signals_blocked& operator=(const signals_blocked&) = delete;

 private:
  sigset_t previous_;
};

// One temporary file registered for removal on a signal; unregisters on destruction. When
// every slot is taken the write goes on without that protection.
class temp_registration {
 public:
  temp_registration(int dirfd, const std::string& name) {
    const auto journal = name + "-journal";
    if (journal.size() >= name_capacity) return;
    const std::lock_guard lock(registry_mutex);
    for (std::size_t i = 0; i < max_slots; ++i) {
      int expected = slot_free;
      if (slots[i].state.compare_exchange_strong(expected, slot_filling)) {
        slots[i].dirfd = dirfd;
        std::memcpy(slots[i].name, name.c_str(), name.size() + 1);
        std::memcpy(slots[i].journal, journal.c_str(), journal.size() + 1);
        slots[i].state.store(slot_ready, std::memory_order_release);
        index_ = static_cast<int>(i);
        break;
      }
    }
    if (index_ >= 0 && writes_in_flight++ == 0) install_handlers();
  }
  ~temp_registration() { release(); }
  temp_registration(const temp_registration&) = delete;
  temp_registration& operator=(const temp_registration&) = delete;

  void release() noexcept {
    if (index_ < 0) return;
    const std::lock_guard lock(registry_mutex);
    slots[index_].state.store(slot_free, std::memory_order_release);
    index_ = -1;
    if (--writes_in_flight == 0) restore_handlers();
  }

 private:
  int index_ = -1;
};

// ---------------------------------------------------------------------------------------------

// ".kr-" and six letters or digits: short, so that a file name of up to 255 bytes still has
// a temporary sibling.
std::string random_temp_name(std::string_view prefix) {
  static constexpr std::string_view alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  thread_local std::mt19937_64 generator = [] {
    std::seed_seq seed{
        static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()),
        static_cast<std::uint64_t>(::getpid()),
        static_cast<std::uint64_t>(std::hash<std::thread::id>{}(std::this_thread::get_id()))};
    return std::mt19937_64(seed);
  }();
  std::string name(prefix);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  for (int i = 0; i < 6; ++i) name += alphabet[pick(generator)];
  return name;
}

class file_descriptor {
 public:
  explicit file_descriptor(int fd = -1) : fd_(fd) {}
  ~file_descriptor() { reset(); }
  file_descriptor(const file_descriptor&) = delete;
  file_descriptor& operator=(const file_descriptor&) = delete;
  [[nodiscard]] int get() const { return fd_; }
  void adopt(int fd) noexcept {
    reset();
    fd_ = fd;
  }
  void reset() noexcept {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  /// close(2) with its result, for files whose data matter.
  int close() noexcept {
    const int result = ::close(fd_);
    fd_ = -1;
    return result;
  }

 private:
  int fd_;
};

fs::path directory_of(const fs::path& file) {
  return file.has_parent_path() ? file.parent_path() : fs::path(".");
}

std::string kind_name(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISFIFO(mode)) return "a FIFO";
  return "not a regular file";
}

[[noreturn]] void refuse(const fs::path& path, std::string_view why, std::string_view accepted) {
  throw error::invalid_input(
      fmt::format("refusing to write '{}': {}; accepted: {}", path.string(), why, accepted));
}

constexpr std::string_view accepted_outputs =
    "a new file, a regular file with one link that you may write, a symbolic link to one, a "
    "character device or a FIFO";

}  // namespace

void fail(const fs::path& path, std::string_view what, int err) {
  throw error::io(
      fmt::format("cannot write '{}': {} ({})", path.string(), what, std::strerror(err)));
}

void write_all(int fd, std::string_view bytes, const fs::path& path) {
  while (!bytes.empty()) {
    const auto written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      fail(path, "write failed", errno);
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
}

void remove_quietly(const fs::path& path) noexcept {
  std::error_code ignored;
  fs::remove(path, ignored);
  auto journal = path;
  journal += "-journal";
  fs::remove(journal, ignored);
}

fs::path create_unique_file(const fs::path& dir, std::string_view stem) {
  int err = 0;
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = dir / random_temp_name(fmt::format(".{}-", stem));
    const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
      ::close(fd);
      return candidate;
    }
    err = errno;
    if (err != EEXIST) break;
  }
  fail(dir / stem, "cannot create a temporary file", err);
}

output_target inspect_output(const fs::path& path,
                             const std::vector<protected_file>& never_overwrite,
                             bool special_files_allowed) {
  if (path.empty()) throw error::io("cannot write an output file with an empty name");
  for (const auto& guarded : never_overwrite) {
    std::error_code ec;
    if (!guarded.path.empty() && fs::equivalent(path, guarded.path, ec) && !ec) {
      refuse(path,
             fmt::format("it is the same file as {} '{}', which would be destroyed",
                         guarded.description, guarded.path.string()),
             fmt::format("an output path that is not {}", guarded.description));
    }
  }
  // Follow the symbolic links of the last component only: directories on the way are
  // resolved by the kernel, and the temporary file must sit beside the final target.
  output_target target;
  target.file = path;
  constexpr int max_links = 40;  // as the kernel's ELOOP limit
  for (int links = 0;; ++links) {
    struct stat st {};
    if (::lstat(target.file.c_str(), &st) != 0) {
      // Missing (or unreachable): creating the temporary file beside it says why it fails.
      target.type = output_target::kind::absent;
      return target;
    }
    if (S_ISLNK(st.st_mode)) {
      if (links == max_links) fail(path, "cannot follow its symbolic links", ELOOP);
      std::error_code ec;
      const auto link = fs::read_symlink(target.file, ec);
      if (ec) fail(path, "cannot read its symbolic link", ec.value());
      target.file = link.is_absolute() ? link : directory_of(target.file) / link;
      continue;
    }
    target.mode = st.st_mode;
    target.owner = st.st_uid;
    target.group = st.st_gid;
    if (S_ISREG(st.st_mode)) {
      if (st.st_nlink > 1) {
        refuse(path,
               fmt::format("it has {} hard links; replacing it would break them and writing it "
                           "in place would not be atomic",
                           st.st_nlink),
               "a file with a single link (write to a new name, or remove the other links)");
      }
      if (::faccessat(AT_FDCWD, target.file.c_str(), W_OK, AT_EACCESS) != 0) {
        fail(path, "the file is not writable for you, so it was left as it was", errno);
      }
      target.type = output_target::kind::regular;
      return target;
    }
    if (special_files_allowed && S_ISCHR(st.st_mode)) {
      target.type = output_target::kind::character_device;
      return target;
    }
    if (special_files_allowed && S_ISFIFO(st.st_mode)) {
      target.type = output_target::kind::fifo;
      return target;
    }
    refuse(path, fmt::format("it is {}", kind_name(st.st_mode)),
           special_files_allowed ? accepted_outputs
                                 : "a new file, or a regular file with one link that you may "
                                   "write, or a symbolic link to one");
  }
}

void replace_file_atomically(const fs::path& path, const output_target& target,
                             const std::function<void(const fs::path&, int)>& fill,
                             mode_t new_file_mode) {
  const auto dir = directory_of(target.file);
  const auto final_name = target.file.filename();
  file_descriptor dirfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dirfd.get() < 0) fail(path, "cannot create a temporary file in its directory", errno);

  const bool replacing = target.type == output_target::kind::regular;
  std::string temp_name;
  file_descriptor fd;
  std::optional<temp_registration> registration;
  {
    const signals_blocked blocked;
    int err = 0;
    for (int attempt = 0; attempt < 100 && fd.get() < 0; ++attempt) {
      temp_name = random_temp_name(".kr-");
      const int opened = ::openat(dirfd.get(), temp_name.c_str(),
                                  O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                                  replacing ? 0600 : new_file_mode);
      if (opened >= 0) {
        fd.adopt(opened);
      } else {
        err = errno;
        if (err != EEXIST) break;
      }
    }
    if (fd.get() < 0) fail(path, "cannot create a temporary file in its directory", err);
    registration.emplace(dirfd.get(), temp_name);
  }
  const auto temp = dir / temp_name;
  auto discard = [&] {
    fd.reset();
    ::unlinkat(dirfd.get(), temp_name.c_str(), 0);
    ::unlinkat(dirfd.get(), (temp_name + "-journal").c_str(), 0);
    registration.reset();
  };
  try {
    fill(temp, fd.get());
    if (replacing) {
      // The owner first (chown may clear set-id bits), then the mode. Where the owner cannot
      // be kept (only root may give a file away), the file belongs to the writer, and set-id
      // bits are not carried over to another owner.
      mode_t mode = target.mode & 07777;
      if (::fchown(fd.get(), target.owner, target.group) != 0) {
        mode &= ~static_cast<mode_t>(S_ISUID);
        if (::fchown(fd.get(), static_cast<uid_t>(-1), target.group) != 0) {
          mode &= ~static_cast<mode_t>(S_ISGID);
        }
      }
      if (::fchmod(fd.get(), mode) != 0) fail(path, "cannot keep the file's mode", errno);
    }
    if (::fsync(fd.get()) != 0) fail(path, "fsync failed", errno);
    if (fd.close() != 0) fail(path, "close failed", errno);
  } catch (...) {
    discard();
    throw;
  }
  {
    const signals_blocked blocked;
    if (::renameat(dirfd.get(), temp_name.c_str(), dirfd.get(), final_name.c_str()) != 0) {
      const int err = errno;
      discard();
      fail(path, "rename failed", err);
    }
    registration.reset();
  }
  // The rename is durable once the directory is; some file systems cannot sync a directory.
  if (::fsync(dirfd.get()) != 0 && errno != EINVAL && errno != ENOTSUP) {
    fail(path, "the file was replaced, but syncing its directory failed", errno);
  }
}

void replace_file_atomically(const fs::path& path, const std::function<void(const fs::path&)>& fill,
                             const replace_options& options) {
  const auto target = inspect_output(path, options.never_overwrite, false);
  replace_file_atomically(
      path, target, [&](const fs::path& temp, int /*fd*/) { fill(temp); }, options.new_file_mode);
}

}  // namespace kneerehab::detail
