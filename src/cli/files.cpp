// The file writer shared by save, `table ... to` and `plot ... to` (atomic, mode- and
// link-preserving, never over a device), input files checked before reading, the
// final check of stdout, and the terminal width.
#include "cli/files.hpp"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace dfdx::cli {

namespace {

constexpr int kMaxLinks = 40;  // as the kernel's limit on symbolic links in a path

std::string directory_of(const std::string& path) {
    std::size_t slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

const char* kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISSOCK(mode)) return "a socket";
    return "a special file";
}

// The file a path names once its symbolic links are followed (the last one may dangle:
// then the file it points to is created). False, with the reason, on a loop.
bool follow_links(std::string& path, std::string& why) {
    for (int hops = 0; hops < kMaxLinks; ++hops) {
        struct stat st {};
        if (lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return true;
        std::string target(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 4096) + 1, '\0');
        ssize_t n = readlink(path.c_str(), target.data(), target.size());
        if (n < 0) {
            why = std::strerror(errno);
            return false;
        }
        target.resize(static_cast<std::size_t>(n));
        path = target.front() == '/' ? target : directory_of(path) + "/" + target;
    }
    why = std::strerror(ELOOP);
    return false;
}

// A descriptor above stderr: if stdout was closed, a file opened now must not become fd 1.
int above_std(int fd) {
    if (fd < 0 || fd > STDERR_FILENO) return fd;
    int moved = fcntl(fd, F_DUPFD_CLOEXEC, STDERR_FILENO + 1);
    int saved = errno;
    close(fd);
    errno = saved;
    return moved;
}

// Creates a new temporary file beside `path` with mode 0666 less the umask.
int create_temporary(const std::string& path, std::string& name) {
    for (unsigned attempt = 0; attempt < 100; ++attempt) {
        name = path + ".tmp." + std::to_string(getpid()) + "." + std::to_string(attempt);
        int fd = above_std(open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
        if (fd >= 0 || errno != EEXIST) return fd;
    }
    errno = EEXIST;
    return -1;
}

bool write_all(int fd, const std::string& content) {
    const char* p = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        ssize_t n = write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

// The rename is durable once the directory's entry is on disk too (best effort: some
// file systems cannot fsync a directory).
void sync_directory(const std::string& dir) {
    int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    fsync(fd);
    close(fd);
}

}  // namespace

bool write_file_atomically(const std::string& path, const std::string& content, std::string& why) {
    std::string target = path;
    if (!follow_links(target, why)) return false;
    struct stat old {};
    const bool exists = stat(target.c_str(), &old) == 0;
    if (exists && !S_ISREG(old.st_mode)) {
        why = std::string("it is ") + kind_of(old.st_mode) + ", not a regular file";
        return false;
    }
    std::string temp;
    int fd = create_temporary(target, temp);
    if (fd < 0) {
        why = std::strerror(errno);
        return false;
    }
    // An existing file keeps its permissions (and owner, where allowed); a new one has
    // 0666 less the umask, as open() gave it.
    bool ok = true;
    if (exists) {
        ok = fchmod(fd, old.st_mode & 07777) == 0;
        if (ok && fchown(fd, old.st_uid, old.st_gid) != 0) ok = errno == EPERM;
    }
    ok = ok && write_all(fd, content) && fsync(fd) == 0;
    int saved = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    if (ok && std::rename(temp.c_str(), target.c_str()) != 0) {
        ok = false;
        saved = errno;
    }
    if (!ok) {
        unlink(temp.c_str());
        why = std::strerror(saved);
        return false;
    }
    sync_directory(directory_of(target));
    return true;
}

std::string unreadable(const std::string& path) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) return std::strerror(errno);
    if (S_ISDIR(st.st_mode)) return std::strerror(EISDIR);
    if (access(path.c_str(), R_OK) != 0) return std::strerror(errno);
    return {};
}

namespace {
int g_stdout_errno = 0;  // the first failed write's reason
}  // namespace

bool stdout_failed() {
    if (std::cout && !std::ferror(stdout)) return false;
    if (g_stdout_errno == 0) g_stdout_errno = errno != 0 ? errno : EIO;
    return true;
}

int finish_stdout(int status) {
    std::cout.flush();
    int err = 0;
    if (std::fflush(stdout) != 0) err = errno;
    if (err == 0 && stdout_failed()) err = g_stdout_errno;
    // Closing the descriptor reports what a file system defers to close (NFS); stdout
    // itself stays open, empty, for the destructors of a sanitizer build.
    if (err == 0 && close(STDOUT_FILENO) != 0 && errno != EBADF && errno != EINTR) err = errno;
    if (err == 0) return status;
    std::cerr << "dfdx: write error: " << std::strerror(err) << '\n';
    std::cerr.flush();
    return 1;
}

int terminal_columns() {
    winsize ws{};
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20) {
        return ws.ws_col;
    }
    return 80;
}

}  // namespace dfdx::cli
