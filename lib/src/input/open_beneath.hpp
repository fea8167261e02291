#pragma once

#include <string>

// Opening a file a model file names without leaving the model's folder. The path is resolved
// by the kernel relative to a descriptor of the folder, so the check and the open are one
// step: no absolute path, no ".." above the folder and no symbolic link that leads out (even
// one whose target does not exist), whatever is swapped in meanwhile.
namespace strata::io {

// Opens `relative` inside `folder` ("" for the working directory) for reading (O_RDONLY,
// O_NONBLOCK, O_NOCTTY, O_CLOEXEC). Uses openat2 with RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS
// where the kernel has it (Linux 5.6), else open_beneath_by_walking. Returns the descriptor,
// or -1 with errno set: EXDEV when the path leads outside the folder.
int open_beneath(const std::string& folder, const std::string& relative);

// The same from the descriptor `folder_fd`, one component at a time: every folder on the way
// is opened with O_NOFOLLOW | O_DIRECTORY from the one before, a symbolic link is read and
// followed only while it stays inside, and the last component is opened with O_NOFOLLOW.
int open_beneath_by_walking(int folder_fd, const std::string& relative);

}  // namespace strata::io
