#include "import/keras_archive.hpp"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "import/json_scan.hpp"
#include "import/keras_archive_directory.hpp"
#include "import/keras_json.hpp"
#include "strata/error.hpp"

namespace strata {
namespace {

struct ArchiveCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct MemberCloser {
    void operator()(zip_file_t* member) const { zip_fclose(member); }
};
using Archive = std::unique_ptr<zip_t, ArchiveCloser>;
using Member = std::unique_ptr<zip_file_t, MemberCloser>;

std::string zip_message(zip_error_t& error) {
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return text;
}

std::string size_text(std::size_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes) + " bytes";
}

Error not_an_archive(const std::string& source_name, const std::string& why) {
    return Error(source_name, "not a readable .keras archive (" + why + ")");
}

// Refuses an archive whose central directory declares more entries than the limit, before the
// zip library reads the directory (it allocates per entry).
void check_entry_count(std::uint64_t archive_size, const ArchiveBytesAt& read_at,
                       const std::string& source_name) {
    const std::uint64_t entries = declared_archive_entries(archive_size, read_at);
    if (entries > limits::kMaxArchiveEntries) {
        throw Error(source_name, "the archive's directory holds up to " + std::to_string(entries) +
                                     " entries, more than " +
                                     std::to_string(limits::kMaxArchiveEntries));
    }
}

// What the members read so far may still decompress to, all together.
struct Budget {
    std::size_t left = limits::kMaxArchiveTotalBytes;
};

// The member named exactly `name`, decompressed; nullopt when the archive has none.
std::optional<std::string> read_member(zip_t* archive, const char* name,
                                       const std::string& source_name, std::size_t max_member_bytes,
                                       Budget& budget) {
    const zip_int64_t index = zip_name_locate(archive, name, ZIP_FL_ENC_RAW);
    if (index < 0) return std::nullopt;
    // Two members of one name: which one a reader takes differs, so neither is trusted.
    const zip_int64_t entries = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < entries; ++i) {
        const char* other = zip_get_name(archive, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
        if (i != index && other && std::strcmp(other, name) == 0) {
            throw Error(source_name, std::string("the archive holds ") + name + " twice");
        }
    }
    const Member member(zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0));
    if (!member) {
        throw Error(source_name, std::string("cannot read ") + name + " in the archive (" +
                                     zip_strerror(archive) + ")");
    }
    std::string bytes;
    char buffer[1 << 16];
    for (;;) {
        const zip_int64_t got = zip_fread(member.get(), buffer, sizeof buffer);
        if (got < 0) {
            throw Error(source_name, std::string("cannot read ") + name + " in the archive (" +
                                         zip_file_strerror(member.get()) + ")");
        }
        if (got == 0) break;
        bytes.append(buffer, static_cast<std::size_t>(got));
        if (bytes.size() > max_member_bytes) {
            throw Error(source_name, std::string(name) +
                                         " in the archive decompresses to more than " +
                                         size_text(max_member_bytes));
        }
        if (bytes.size() > budget.left) {
            throw Error(source_name, "the members read from the archive decompress to more than " +
                                         size_text(limits::kMaxArchiveTotalBytes) + " together");
        }
    }
    budget.left -= bytes.size();
    return bytes;
}

// metadata.json's keras_version, when it is there and says one.
std::string metadata_version(const std::optional<std::string>& metadata) {
    if (!metadata || json_scan::find_excess_nesting(*metadata, limits::kMaxJsonDepth) ||
        json_scan::find_excess_values(*metadata, limits::kMaxJsonValues) ||
        json_scan::find_long_string(*metadata, limits::kMaxJsonStringBytes,
                                    limits::kMaxJsonStringBytes))
        return {};
    const auto root = nlohmann::json::parse(*metadata, nullptr, false);
    if (!root.is_object()) return {};
    const auto version = root.find("keras_version");
    return version != root.end() && version->is_string() ? version->get<std::string>() : "";
}

Model read_archive(zip_t* archive, const std::string& source_name, Warnings& warnings,
                   std::size_t max_member_bytes) {
    Budget budget;
    const std::optional<std::string> config =
        read_member(archive, "config.json", source_name, max_member_bytes, budget);
    if (!config) {
        throw Error(source_name,
                    "the archive holds no config.json: not a Keras 3 .keras model file");
    }
    const std::optional<std::string> metadata =
        read_member(archive, "metadata.json", source_name, max_member_bytes, budget);
    Model model = read_keras_json(*config, source_name + "/config.json", warnings);
    model.format = "keras-archive";
    if (const std::string version = metadata_version(metadata); !version.empty()) {
        model.keras_version = version;
    }
    return model;
}

}  // namespace

Model read_keras_archive_file(const std::string& path, Warnings& warnings,
                              std::size_t max_member_bytes) {
    std::ifstream file(path, std::ios::binary);
    file.seekg(0, std::ios::end);
    const auto size = static_cast<std::uint64_t>(std::max<std::streamoff>(0, file.tellg()));
    check_entry_count(
        size,
        [&](std::uint64_t offset, std::size_t count) {
            std::string bytes(count, '\0');
            file.clear();
            file.seekg(static_cast<std::streamoff>(offset));
            file.read(bytes.data(), static_cast<std::streamsize>(count));
            bytes.resize(static_cast<std::size_t>(std::max<std::streamsize>(0, file.gcount())));
            return bytes;
        },
        path);
    int code = 0;
    const Archive archive(zip_open(path.c_str(), ZIP_RDONLY, &code));
    if (!archive) {
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        throw not_an_archive(path, zip_message(error));
    }
    return read_archive(archive.get(), path, warnings, max_member_bytes);
}

Model read_keras_archive_bytes(std::string_view bytes, const std::string& source_name,
                               Warnings& warnings, std::size_t max_member_bytes) {
    check_entry_count(
        bytes.size(),
        [&](std::uint64_t offset, std::size_t count) {
            return offset < bytes.size()
                       ? std::string(bytes.substr(static_cast<std::size_t>(offset), count))
                       : std::string();
        },
        source_name);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) throw not_an_archive(source_name, zip_message(error));
    const Archive archive(zip_open_from_source(source, ZIP_RDONLY, &error));
    if (!archive) {
        zip_source_free(source);
        throw not_an_archive(source_name, zip_message(error));
    }
    zip_error_fini(&error);
    return read_archive(archive.get(), source_name, warnings, max_member_bytes);
}

}  // namespace strata
