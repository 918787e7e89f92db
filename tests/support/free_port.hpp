#pragma once

namespace kitap::testing {

// A port on 127.0.0.1 nothing listens on now: the kernel's pick for a socket bound to
// port 0, let go again for a server the test starts. Another program may take it in
// between, so a test that starts a server on it should try again on a bind failure.
// Throws std::system_error when no socket can be had.
int free_port();

}  // namespace kitap::testing
