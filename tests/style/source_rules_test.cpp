// Rules the library's sources keep, checked on the sources themselves: no include cycle between
// the folders of lib/src, and no message that names a limit by its C++ name.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kSources = fs::path(STRATA_SOURCE_DIR) / "lib";

std::vector<fs::path> source_files(const fs::path& root) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        const auto ext = entry.path().extension();
        if (entry.is_regular_file() && (ext == ".cpp" || ext == ".hpp"))
            files.push_back(entry.path());
    }
    return files;
}

std::string read(const fs::path& file) {
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

using FolderGraph = std::map<std::string, std::set<std::string>>;

// folder → folders it includes from, for the top-level folders of lib/src (files directly in
// lib/src are entry points and belong to no folder; the public headers are not a folder).
FolderGraph folder_graph() {
    FolderGraph graph;
    const fs::path src = kSources / "src";
    const std::regex include(R"re(#include\s+"([^"/]+)/[^"]*")re");
    for (const fs::path& file : source_files(src)) {
        const fs::path relative = fs::relative(file, src);
        if (std::distance(relative.begin(), relative.end()) < 2) continue;
        const std::string folder = relative.begin()->string();
        graph[folder];
        const std::string text = read(file);
        for (std::sregex_iterator it(text.begin(), text.end(), include), end; it != end; ++it) {
            const std::string target = (*it)[1].str();
            if (target != folder && target != "strata") graph[folder].insert(target);
        }
    }
    return graph;
}

// A cycle as "a -> b -> a", or "" when there is none.
std::string find_cycle(const FolderGraph& graph) {
    enum class Mark { unseen, open, done };
    std::map<std::string, Mark> marks;
    std::vector<std::string> path;
    std::string cycle;
    auto visit = [&](auto&& self, const std::string& folder) -> bool {
        marks[folder] = Mark::open;
        path.push_back(folder);
        if (auto it = graph.find(folder); it != graph.end()) {
            for (const std::string& next : it->second) {
                if (marks[next] == Mark::open) {
                    bool on = false;
                    for (const std::string& step : path) {
                        if (step == next) on = true;
                        if (on) cycle += step + " -> ";
                    }
                    cycle += next;
                    return true;
                }
                if (marks[next] == Mark::unseen && self(self, next)) return true;
            }
        }
        path.pop_back();
        marks[folder] = Mark::done;
        return false;
    };
    for (const auto& [folder, targets] : graph) {
        if (marks[folder] == Mark::unseen && visit(visit, folder)) return cycle;
    }
    return "";
}

}  // namespace

BOOST_AUTO_TEST_CASE(source_folders_include_each_other_without_a_cycle) {
    const FolderGraph graph = folder_graph();
    BOOST_TEST(graph.count("style") == 1);  // the sources were found
    BOOST_TEST(graph.at("import").count("style") == 1);
    BOOST_TEST(find_cycle(graph) == "");
}

BOOST_AUTO_TEST_CASE(the_cycle_finder_reports_a_cycle) {
    const FolderGraph graph{{"a", {"b"}}, {"b", {"c"}}, {"c", {"b"}}};
    BOOST_TEST(find_cycle(graph) == "b -> c -> b");
    BOOST_TEST(find_cycle({{"a", {"b"}}, {"b", {}}}) == "");
}

BOOST_AUTO_TEST_CASE(messages_state_limits_in_words_not_by_their_cpp_names) {
    const std::regex literal(R"re("(?:[^"\\\n]|\\.)*")re");
    std::size_t files = 0;
    for (const fs::path& file : source_files(kSources)) {
        ++files;
        std::istringstream lines(read(file));
        std::string line;
        for (int number = 1; std::getline(lines, line); ++number) {
            if (line.find("#include") != std::string::npos) continue;
            for (std::sregex_iterator it(line.begin(), line.end(), literal), end; it != end; ++it) {
                BOOST_TEST_INFO(file.string() << ":" << number);
                BOOST_TEST(it->str().find("kMax") == std::string::npos);
            }
        }
    }
    BOOST_TEST(files > 100);
}
