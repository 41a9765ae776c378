#pragma once
// A directory of the test's own under the system temp directory, removed with everything in
// it when the object goes. Tests write only inside one of these: never to a device, a system
// file or the source tree.

#include <filesystem>
#include <string>

namespace kneerehab::testing {

class scratch_dir {
 public:
  scratch_dir();
  ~scratch_dir();
  scratch_dir(const scratch_dir&) = delete;
  scratch_dir& operator=(const scratch_dir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
  [[nodiscard]] std::filesystem::path operator/(const std::string& name) const {
    return path_ / name;
  }

 private:
  std::filesystem::path path_;
};

/// The whole content of `path` ("" when it cannot be read).
std::string read_file(const std::filesystem::path& path);
/// Writes `text` to `path`, replacing it.
void write_file(const std::filesystem::path& path, const std::string& text);

}  // namespace kneerehab::testing
