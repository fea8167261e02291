#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "strata/emit_options.hpp"
#include "strata/model.hpp"
#include "strata/scene.hpp"

namespace strata {

// Each layer's name, type, inputs and output shapes as JSON (what `strata info --json` prints).
std::string to_info_json(const Model& model);

// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
// failed write never leaves a half-written file. Throws strata::Error.
void write_file_atomically(const std::string& path, std::string_view bytes);

// Writes reveal_frames(scene) as SVG files step-01.svg, step-02.svg … into `folder` (made if
// missing), one frame in memory at a time. All or nothing: the frames go to a hidden staging
// folder inside `folder` and are moved into place only when every one is written; a failure
// removes the staging folder and any folder this call made, leaving the file system as it was.
// Throws strata::Error naming the folder or file.
void write_reveal_frames(const Scene& scene, const std::string& folder, const SvgOptions& svg = {});

// Writes `bytes` to `path` and the reveal frames of `frames` into `folder` as one change: the
// frames are staged as write_reveal_frames stages them, the output is written to its
// temporary, then both are moved into place together. A failure at any point, or an
// interrupting signal, leaves neither the output nor any frame (nor a temporary). Throws
// strata::Error naming the file or folder.
void write_file_and_frames_atomically(const std::string& path, std::string_view bytes,
                                      const Scene& frames, const std::string& folder,
                                      const SvgOptions& svg = {});

// For programs: makes SIGINT, SIGTERM and SIGHUP first remove the temporary files of writes
// in progress (write_file_atomically, write_reveal_frames), then end the process as the signal
// would have; and makes a write past the file-size limit (ulimit -f) fail with an error
// instead of SIGXFSZ killing the process. Replaces the handlers of those signals (a signal
// that is ignored stays ignored).
void remove_partial_outputs_on_signals();

// Throws strata::Error unless `path` can be written as an output: its folder exists and is
// writable, and it is not a symbolic link, a directory, a read-only file or one of `inputs`
// (the same file by device and inode, so also under another name: a symbolic link to it, a
// hard link).
void check_output_path(const std::string& path, const std::vector<std::string>& inputs);

// Throws strata::Error when `output` and the reveal frames written into `folder` would clash:
// the output is named as a frame (step-NN.svg) in that folder (under any name of the folder),
// or the folder is the output or lies inside it. write_file_and_frames_atomically checks it;
// a program checks it before any work.
void check_output_beside_frames(const std::string& output, const std::string& folder);

// Throws strata::Error when a frame file that write_reveal_frames could replace in `folder`
// (step-NN.svg) is one of `inputs`, compared as check_output_path compares them.
void check_frames_folder(const std::string& folder, const std::vector<std::string>& inputs);

}  // namespace strata
