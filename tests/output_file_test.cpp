#include "kneerehab/io/output_file.hpp"

#include <fcntl.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

#include "io/atomic_file.hpp"  // the writer's signal handling, tested with a fill that raises
#include "kneerehab/core/error.hpp"
#include "support/scratch_dir.hpp"

namespace fs = std::filesystem;
using namespace kneerehab;

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

class OutputFile : public ::testing::Test {
 protected:
  [[nodiscard]] std::size_t entries() const {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(dir_), fs::directory_iterator{}));
  }
  kneerehab::testing::scratch_dir scratch_;  // tests write nowhere else
  fs::path dir_ = scratch_.path();
};

}  // namespace

TEST_F(OutputFile, WritesNewFile) {
  write_file_atomically(dir_ / "a.txt", "hello\n");
  EXPECT_EQ(slurp(dir_ / "a.txt"), "hello\n");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(OutputFile, ReplacesExistingFileWhole) {
  std::ofstream(dir_ / "a.txt") << "a much longer previous content\n";
  write_file_atomically(dir_ / "a.txt", "new\n");
  EXPECT_EQ(slurp(dir_ / "a.txt"), "new\n");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(OutputFile, MissingDirectoryFailsWithMessage) {
  try {
    write_file_atomically(dir_ / "missing" / "a.txt", "x");
    FAIL() << "expected an error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::io);
    EXPECT_EQ(std::string(e.what()),
              "cannot write '" + (dir_ / "missing" / "a.txt").string() +
                  "': cannot create a temporary file in its directory (No such file or "
                  "directory)");
  }
}

TEST_F(OutputFile, DirectoryAsTargetIsRefused) {
  fs::create_directories(dir_ / "sub");
  EXPECT_THROW(write_file_atomically(dir_ / "sub", "x"), error);
  EXPECT_TRUE(fs::is_directory(dir_ / "sub"));
}

TEST_F(OutputFile, ReadOnlyDirectoryLeavesExistingFileAlone) {
  if (::geteuid() == 0) GTEST_SKIP() << "root ignores directory permissions";
  std::ofstream(dir_ / "a.txt") << "keep me\n";
  fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec);
  EXPECT_THROW(write_file_atomically(dir_ / "a.txt", "x"), error);
  fs::permissions(dir_, fs::perms::owner_all);
  EXPECT_EQ(slurp(dir_ / "a.txt"), "keep me\n");
  EXPECT_EQ(entries(), 1u);
}

// Hardening (docs/robustness.md, "Output files"): what -o does with what is already there.
namespace {

mode_t mode_of(const fs::path& path) {
  struct stat st {};
  EXPECT_EQ(::lstat(path.c_str(), &st), 0) << path;
  return st.st_mode;
}

mode_t current_umask() {
  const mode_t mask = ::umask(022);
  ::umask(mask);
  return mask;
}

// Runs `body` in a child process and returns its wait status; the child exits with what
// `body` returns, or dies of whatever signal ends it.
template <typename Body>
int in_child(Body body) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    int code = 99;
    try {
      code = body();
    } catch (...) {
      code = 98;
    }
    ::_exit(code);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

std::string error_of(const std::function<void()>& action, errc* code = nullptr) {
  try {
    action();
  } catch (const error& e) {
    if (code != nullptr) *code = e.code();
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_F(OutputFile, ReplacedFileKeepsItsMode) {
  for (const mode_t mode : {0600, 0640, 0664}) {
    std::ofstream(dir_ / "plan.txt") << "old\n";
    ASSERT_EQ(::chmod((dir_ / "plan.txt").c_str(), mode), 0);
    write_file_atomically(dir_ / "plan.txt", "new\n");
    EXPECT_EQ(mode_of(dir_ / "plan.txt") & 07777, mode);
    EXPECT_EQ(slurp(dir_ / "plan.txt"), "new\n");
  }
  EXPECT_EQ(entries(), 1u);
}

TEST_F(OutputFile, NewFileIsReadableByItsOwnerOnly) {
  write_file_atomically(dir_ / "plan.txt", "health data\n");
  EXPECT_EQ(mode_of(dir_ / "plan.txt") & 07777, 0600 & ~current_umask());
}

TEST_F(OutputFile, ReplacedFileKeepsItsOwnerWherePermitted) {
  if (::geteuid() != 0) GTEST_SKIP() << "only root may give a file to another owner";
  std::ofstream(dir_ / "plan.txt") << "old\n";
  ASSERT_EQ(::chown((dir_ / "plan.txt").c_str(), 65534, 65534), 0);
  ASSERT_EQ(::chmod((dir_ / "plan.txt").c_str(), 0640), 0);
  write_file_atomically(dir_ / "plan.txt", "new\n");
  struct stat st {};
  ASSERT_EQ(::stat((dir_ / "plan.txt").c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, 65534u);
  EXPECT_EQ(st.st_gid, 65534u);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
}

// A 0444 file is refused, not replaced (rename needs only the directory's permission). As
// root the check is moot, so the writer drops to "nobody" in a child process.
TEST_F(OutputFile, FileTheUserMayNotWriteIsRefused) {
  const auto file = dir_ / "read-only.txt";
  std::ofstream(file) << "keep me\n";
  ASSERT_EQ(::chmod(file.c_str(), 0444), 0);
  ASSERT_EQ(::chmod(dir_.c_str(), 0777), 0);  // the directory allows the rename
  const auto expected = "cannot write '" + file.string() +
                        "': the file is not writable for you, so it was left as it was "
                        "(Permission denied)";
  const int status = in_child([&] {
    if (::geteuid() == 0 &&
        (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)) {
      return 97;
    }
    errc code{};
    const auto message = error_of([&] { write_file_atomically(file, "x"); }, &code);
    return code == errc::io && message == expected ? 0 : 1;
  });
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "expected: " << expected;
  EXPECT_EQ(slurp(file), "keep me\n");
  EXPECT_EQ(mode_of(file) & 07777, 0444u);
  EXPECT_EQ(entries(), 1u);
}

TEST_F(OutputFile, FileWithSeveralHardLinksIsRefused) {
  std::ofstream(dir_ / "a.txt") << "shared\n";
  fs::create_hard_link(dir_ / "a.txt", dir_ / "b.txt");
  errc code{};
  EXPECT_EQ(error_of([&] { write_file_atomically(dir_ / "b.txt", "new\n"); }, &code),
            "refusing to write '" + (dir_ / "b.txt").string() +
                "': it has 2 hard links; replacing it would break them and writing it in place "
                "would not be atomic; accepted: a file with a single link (write to a new name, "
                "or remove the other links)");
  EXPECT_EQ(code, errc::invalid_input);
  EXPECT_EQ(fs::hard_link_count(dir_ / "a.txt"), 2u);
  EXPECT_EQ(slurp(dir_ / "a.txt"), "shared\n");
  EXPECT_EQ(entries(), 2u);
}

TEST_F(OutputFile, SymlinkIsFollowedAndStays) {
  fs::create_directories(dir_ / "real");
  std::ofstream(dir_ / "real" / "plan.txt") << "old\n";
  ASSERT_EQ(::chmod((dir_ / "real" / "plan.txt").c_str(), 0640), 0);
  fs::create_symlink("real/plan.txt", dir_ / "link");
  fs::create_symlink("link", dir_ / "link-to-link");
  write_file_atomically(dir_ / "link-to-link", "new\n");
  EXPECT_TRUE(fs::is_symlink(dir_ / "link"));
  EXPECT_TRUE(fs::is_symlink(dir_ / "link-to-link"));
  EXPECT_EQ(slurp(dir_ / "real" / "plan.txt"), "new\n");
  EXPECT_EQ(mode_of(dir_ / "real" / "plan.txt") & 07777, 0640u);
  EXPECT_EQ(entries(), 3u);  // real/, link, link-to-link: no temporary file anywhere
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "real"), fs::directory_iterator{}), 1);
}

TEST_F(OutputFile, DanglingSymlinkCreatesItsTarget) {
  fs::create_symlink("new-plan.txt", dir_ / "link");
  write_file_atomically(dir_ / "link", "new\n");
  EXPECT_TRUE(fs::is_symlink(dir_ / "link"));
  EXPECT_EQ(slurp(dir_ / "new-plan.txt"), "new\n");
  EXPECT_EQ(entries(), 2u);
}

TEST_F(OutputFile, SymlinkLoopIsAnIoError) {
  fs::create_symlink("b", dir_ / "a");
  fs::create_symlink("a", dir_ / "b");
  errc code{};
  EXPECT_EQ(error_of([&] { write_file_atomically(dir_ / "a", "x"); }, &code),
            "cannot write '" + (dir_ / "a").string() +
                "': cannot follow its symbolic links (Too many levels of symbolic links)");
  EXPECT_EQ(code, errc::io);
  EXPECT_EQ(entries(), 2u);
}

TEST_F(OutputFile, FifoIsWrittenDirectlyAndStaysAFifo) {
  const auto fifo = dir_ / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = slurp(fifo); });
  const auto message = error_of([&] { write_file_atomically(fifo, "through the pipe\n"); });
  // A reader still waiting (the write failed before opening the FIFO) reads end of file.
  const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd >= 0) ::close(fd);
  reader.join();
  EXPECT_EQ(message, "no error");
  EXPECT_EQ(received, "through the pipe\n");
  EXPECT_TRUE(S_ISFIFO(mode_of(fifo)));
  EXPECT_EQ(entries(), 1u);
}

// Character devices made in the scratch directory (never /dev itself): the same device
// numbers as /dev/null (1,3) and /dev/full (1,7).
TEST_F(OutputFile, CharacterDeviceIsWrittenDirectly) {
  const auto null_device = dir_ / "null";
  const auto full_device = dir_ / "full";
  if (::mknod(null_device.c_str(), S_IFCHR | 0666, ::makedev(1, 3)) != 0 ||
      ::mknod(full_device.c_str(), S_IFCHR | 0666, ::makedev(1, 7)) != 0) {
    GTEST_SKIP() << "cannot create device nodes here (needs root): " << std::strerror(errno);
  }
  const int probe = ::open(null_device.c_str(), O_WRONLY | O_CLOEXEC);
  if (probe < 0) GTEST_SKIP() << "device nodes do not work here: " << std::strerror(errno);
  ::close(probe);

  write_file_atomically(null_device, "discarded\n");
  EXPECT_TRUE(S_ISCHR(mode_of(null_device)));
  errc code{};
  EXPECT_EQ(error_of([&] { write_file_atomically(full_device, "no room\n"); }, &code),
            "cannot write '" + full_device.string() + "': write failed (No space left on device)");
  EXPECT_EQ(code, errc::io);
  EXPECT_TRUE(S_ISCHR(mode_of(full_device)));
  EXPECT_EQ(entries(), 2u);
}

TEST_F(OutputFile, SocketIsRefused) {
  const auto socket_path = dir_ / "sock";
  const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(sock, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  ASSERT_LT(socket_path.string().size(), sizeof(address.sun_path));
  std::strcpy(address.sun_path, socket_path.c_str());
  ASSERT_EQ(::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  errc code{};
  const auto message = error_of([&] { write_file_atomically(socket_path, "x"); }, &code);
  ::close(sock);
  EXPECT_EQ(code, errc::invalid_input);
  EXPECT_NE(message.find("it is a socket; accepted: "), std::string::npos) << message;
  EXPECT_EQ(entries(), 1u);
}

TEST_F(OutputFile, DirectoryIsRefusedAsInvalidInput) {
  fs::create_directories(dir_ / "sub");
  errc code{};
  const auto message = error_of([&] { write_file_atomically(dir_ / "sub", "x"); }, &code);
  EXPECT_EQ(code, errc::invalid_input);
  EXPECT_EQ(message.rfind("refusing to write '" + (dir_ / "sub").string() +
                              "': it is a directory; accepted: a new file",
                          0),
            0u)
      << message;
}

TEST_F(OutputFile, ProtectedFilesAreNeverOverwritten) {
  const auto db = dir_ / "cat.db";
  std::ofstream(db) << "catalogue\n";
  fs::create_symlink("cat.db", dir_ / "link.db");
  const output_file_options options{{{db, "the catalogue database"}}};
  for (const auto& output : {db, dir_ / "link.db", dir_ / "." / "cat.db"}) {
    errc code{};
    EXPECT_EQ(error_of([&] { write_file_atomically(output, "plan\n", options); }, &code),
              "refusing to write '" + output.string() +
                  "': it is the same file as the catalogue database '" + db.string() +
                  "', which would be destroyed; accepted: an output path that is not the "
                  "catalogue database");
    EXPECT_EQ(code, errc::invalid_input);
  }
  fs::create_hard_link(db, dir_ / "hard.db");
  EXPECT_NE(error_of([&] {
              write_file_atomically(dir_ / "hard.db", "plan\n", options);
            }).find("the same file as the catalogue database"),
            std::string::npos);
  EXPECT_EQ(slurp(db), "catalogue\n");
  // Any other file is written as usual.
  write_file_atomically(dir_ / "plan.txt", "plan\n", options);
  EXPECT_EQ(slurp(dir_ / "plan.txt"), "plan\n");
}

TEST_F(OutputFile, FileNameOf250BytesWorks) {
  const auto file = dir_ / std::string(250, 'p');
  write_file_atomically(file, "long name\n");
  EXPECT_EQ(slurp(file), "long name\n");
  write_file_atomically(file, "again\n");
  EXPECT_EQ(slurp(file), "again\n");
  EXPECT_EQ(entries(), 1u);
}

// A write that fails half way (here: the file size limit, standing in for a full disk) leaves
// the old file and no temporary file.
TEST_F(OutputFile, FailedWriteLeavesNothingBehind) {
  const auto file = dir_ / "plan.txt";
  std::ofstream(file) << "yesterday\n";
  const int status = in_child([&] {
    ::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{4096, 4096};
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) return 97;
    const auto message = error_of([&] { write_file_atomically(file, std::string(100000, 'x')); });
    return message == "cannot write '" + file.string() + "': write failed (File too large)" ? 0 : 1;
  });
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(slurp(file), "yesterday\n");
  EXPECT_EQ(entries(), 1u);
}

// A process killed by SIGHUP, SIGINT or SIGTERM while the temporary file is being written
// leaves no temporary file (and the old file as it was). The signal is raised from inside the
// write, so the test is deterministic.
TEST_F(OutputFile, SignalDuringAWriteLeavesNoTemporaryFile) {
  const auto file = dir_ / "catalogue.db";
  std::ofstream(file) << "old\n";
  for (const int sig : {SIGHUP, SIGINT, SIGTERM}) {
    const int status = in_child([&] {
      detail::replace_file_atomically(file, [&](const fs::path& temp) {
        std::ofstream(temp) << "half of it";
        std::ofstream(fs::path(temp.string() + "-journal")) << "journal";
        ::raise(sig);
      });
      return 0;
    });
    ASSERT_TRUE(WIFSIGNALED(status)) << "signal " << sig;
    EXPECT_EQ(WTERMSIG(status), sig);
    EXPECT_EQ(slurp(file), "old\n");
    EXPECT_EQ(entries(), 1u) << "signal " << sig;
  }
}

namespace {
void application_handler(int /*sig*/) {}
}  // namespace

TEST_F(OutputFile, SignalActionsAreRestoredAndApplicationHandlersLeftAlone) {
  struct sigaction application {};
  application.sa_handler = application_handler;
  struct sigaction saved_term {};
  ASSERT_EQ(::sigaction(SIGTERM, &application, &saved_term), 0);
  struct sigaction during_int {};
  struct sigaction during_term {};
  write_file_atomically(dir_ / "plan.txt", "x");  // an earlier write leaves no handler behind
  detail::replace_file_atomically(dir_ / "plan.txt", [&](const fs::path& temp) {
    std::ofstream(temp) << "y";
    ::sigaction(SIGINT, nullptr, &during_int);
    ::sigaction(SIGTERM, nullptr, &during_term);
  });
  struct sigaction after_int {};
  struct sigaction after_term {};
  ::sigaction(SIGINT, nullptr, &after_int);
  ::sigaction(SIGTERM, &saved_term, &after_term);
  EXPECT_NE(during_int.sa_handler, SIG_DFL);  // ours, while the temporary file exists
  EXPECT_EQ(during_term.sa_handler, application_handler);
  EXPECT_EQ(after_int.sa_handler, SIG_DFL);
  EXPECT_EQ(after_term.sa_handler, application_handler);
  EXPECT_EQ(slurp(dir_ / "plan.txt"), "y");
}
