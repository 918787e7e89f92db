#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kitap::web {

struct TlsFiles {
    std::filesystem::path certificate;  // PEM
    std::filesystem::path key;          // PEM, 0600
};

// Where `kitap serve` keeps its own certificate: beside the database, in the data folder.
TlsFiles default_tls_files(const std::filesystem::path& database);

// A certificate or key that cannot be made, read or used; what() names the file.
class TlsError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Makes a self-signed certificate (ECDSA P-256, SHA-256, 10 years, for `host_name`,
// host_name.local, localhost and 127.0.0.1) and its key at `files`, each a new 0600
// file written whole, never through a link. Throws TlsError when one of the two
// exists already (a half-made pair is for a person to look at, not to overwrite).
void make_self_signed_certificate(const TlsFiles& files, std::string_view host_name);

// The certificate's SHA-256 fingerprint as browsers show it: "3A:F0:...", 32 bytes.
std::string sha256_fingerprint(const std::filesystem::path& certificate);

// This machine's name (gethostname), reduced to the letters a DNS name may have.
std::string local_host_name();

}  // namespace kitap::web
