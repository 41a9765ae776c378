#include "kneerehab/io/output_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "kneerehab/core/error.hpp"

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
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kneerehab-out-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    fs::permissions(dir_, fs::perms::owner_all);
    fs::remove_all(dir_);
  }
  [[nodiscard]] std::size_t entries() const {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(dir_), fs::directory_iterator{}));
  }
  fs::path dir_;
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
