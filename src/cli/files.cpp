// Atomic writes (temporary file + rename) and the terminal width.
#include "files.hpp"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace dfdx::cli {

bool write_file_atomically(const std::string& path, const std::string& content, std::string& why) {
    std::string tmpl = path + ".tmp.XXXXXX";
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    int fd = mkstemp(name.data());
    if (fd < 0) {
        why = std::strerror(errno);
        return false;
    }
    const char* p = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        ssize_t n = write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            why = std::strerror(errno);
            close(fd);
            unlink(name.data());
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    fchmod(fd, 0644);
    if (fsync(fd) != 0 || close(fd) != 0) {
        why = std::strerror(errno);
        unlink(name.data());
        return false;
    }
    if (std::rename(name.data(), path.c_str()) != 0) {
        why = std::strerror(errno);
        unlink(name.data());
        return false;
    }
    return true;
}

int terminal_columns() {
    winsize ws{};
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20) {
        return ws.ws_col;
    }
    return 80;
}

}  // namespace dfdx::cli
