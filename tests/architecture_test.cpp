// Guards the doors between the library's rooms (docs/architecture.md): every header and
// source of include/kneerehab/ and lib/ lives in a room, includes only the rooms its own room
// may see, and only io/ sees SQLite, toml++ or the file system.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "support/scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path source_dir = KNEEREHAB_SOURCE_DIR;

// Which rooms each room may include (itself included). Dependencies point one way:
// core <- model <- catalogue <- plan <- render; io sees core, model and catalogue only.
const std::map<std::string, std::set<std::string>> allowed_rooms = {
    {"core", {"core"}},
    {"model", {"core", "model"}},
    {"catalogue", {"core", "model", "catalogue"}},
    {"plan", {"core", "model", "catalogue", "plan"}},
    {"render", {"core", "model", "catalogue", "plan", "render"}},
    {"io", {"core", "model", "catalogue", "io"}},
};

// Headers only io/ may include: the database, the TOML parser and the file system.
const std::vector<std::string> io_only_headers = {"SQLiteCpp/",   "sqlite3.h", "toml++/",
                                                  "<filesystem>", "<fstream>", "<cstdio>"};

struct include_line {
  fs::path file;
  int line = 0;
  std::string target;  // what is between the quotes or angle brackets
  bool quoted = false;
};

std::vector<fs::path> files_under(const fs::path& root) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const auto ext = entry.path().extension();
    if (entry.is_regular_file() && (ext == ".hpp" || ext == ".cpp" || ext == ".in")) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<include_line> includes_of(const fs::path& file) {
  static const std::regex include_re(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
  std::vector<include_line> found;
  std::ifstream in(file);
  std::string text;
  int number = 0;
  while (std::getline(in, text)) {
    ++number;
    std::smatch m;
    if (std::regex_search(text, m, include_re)) {
      found.push_back({file, number, m[2].str(), m[1].str() == "\""});
    }
  }
  return found;
}

// The room of a file: the first folder below include/kneerehab/ or lib/.
std::string room_of(const fs::path& file, const fs::path& root) {
  const auto relative = fs::relative(file, root);
  return relative.begin() == relative.end() || std::next(relative.begin()) == relative.end()
             ? std::string()
             : relative.begin()->string();
}

// The room an include names: "kneerehab/plan/plan.hpp" or lib-private "plan/planner_detail.hpp".
std::string room_of_include(const std::string& target) {
  std::string path = target;
  if (path.rfind("kneerehab/", 0) == 0) path = path.substr(std::string("kneerehab/").size());
  const auto slash = path.find('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string where(const include_line& inc) {
  return fs::relative(inc.file, source_dir).string() + ":" + std::to_string(inc.line);
}

std::vector<std::string> door_violations(const fs::path& root) {
  std::vector<std::string> problems;
  for (const auto& file : files_under(root)) {
    const auto room = room_of(file, root);
    if (room.empty()) {
      if (file.filename() != "kneerehab.hpp") {
        problems.push_back(fs::relative(file, source_dir).string() + ": not in a room");
      }
      continue;
    }
    const auto rooms = allowed_rooms.find(room);
    if (rooms == allowed_rooms.end()) {
      problems.push_back(fs::relative(file, source_dir).string() + ": unknown room '" + room + "'");
      continue;
    }
    for (const auto& inc : includes_of(file)) {
      if (inc.quoted) {
        const auto target_room = room_of_include(inc.target);
        if (target_room.empty() || !rooms->second.count(target_room)) {
          problems.push_back(where(inc) + ": room '" + room + "' includes \"" + inc.target + "\"");
        }
        continue;
      }
      if (room == "io") continue;
      const std::string spelled = "<" + inc.target + ">";
      for (const auto& forbidden : io_only_headers) {
        if (spelled.find(forbidden) != std::string::npos) {
          problems.push_back(where(inc) + ": only io/ may include " + spelled);
        }
      }
    }
  }
  return problems;
}

TEST(Architecture, PublicHeadersKeepTheDoors) {
  const auto problems = door_violations(source_dir / "include" / "kneerehab");
  EXPECT_TRUE(problems.empty()) << ::testing::PrintToString(problems);
}

TEST(Architecture, LibrarySourcesKeepTheDoors) {
  const auto problems = door_violations(source_dir / "lib");
  EXPECT_TRUE(problems.empty()) << ::testing::PrintToString(problems);
}

TEST(Architecture, PublicHeadersIncludeNoDependency) {
  static const std::vector<std::string> private_dependencies = {"boost/", "SQLiteCpp/", "sqlite3.h",
                                                                "fmt/",   "nlohmann/",  "toml++/"};
  std::vector<std::string> problems;
  for (const auto& file : files_under(source_dir / "include")) {
    for (const auto& inc : includes_of(file)) {
      for (const auto& dependency : private_dependencies) {
        if (inc.target.rfind(dependency, 0) == 0)
          problems.push_back(where(inc) + ": " + inc.target);
      }
    }
  }
  EXPECT_TRUE(problems.empty()) << ::testing::PrintToString(problems);
}

TEST(Architecture, UmbrellaHeaderIncludesEveryPublicHeader) {
  const auto umbrella = includes_of(source_dir / "include" / "kneerehab" / "kneerehab.hpp");
  std::set<std::string> included;
  for (const auto& inc : umbrella) included.insert(inc.target);
  for (const auto& file : files_under(source_dir / "include" / "kneerehab")) {
    if (file.filename() == "kneerehab.hpp") continue;
    const auto name =
        "kneerehab/" + fs::relative(file, source_dir / "include" / "kneerehab").string();
    EXPECT_TRUE(included.count(name)) << "kneerehab.hpp does not include " << name;
  }
}

// The guard itself must be able to fail: a file that breaks each door is caught.
TEST(Architecture, GuardCatchesABrokenDoor) {
  const kneerehab::testing::scratch_dir dir;
  const auto& scratch = dir.path();
  fs::create_directories(scratch / "plan");
  fs::create_directories(scratch / "render");
  std::ofstream(scratch / "plan" / "bad.cpp")
      << "#include \"kneerehab/io/catalogue_database.hpp\"\n"
         "#include <SQLiteCpp/SQLiteCpp.h>\n";
  std::ofstream(scratch / "render" / "bad.cpp") << "#include \"io/catalogue_toml.hpp\"\n";
  std::ofstream(scratch / "loose.cpp") << "\n";
  const auto problems = door_violations(scratch);
  EXPECT_EQ(problems.size(), 4U) << ::testing::PrintToString(problems);
}

}  // namespace
