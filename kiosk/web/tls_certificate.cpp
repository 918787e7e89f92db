#include "kiosk/web/tls_certificate.hpp"

#include "core/db/private_files.hpp"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <memory>

namespace kitap::web {
namespace {

template <auto free_function>
struct Freer {
    template <typename T>
    void operator()(T* pointer) const {
        free_function(pointer);
    }
};
using Key = std::unique_ptr<EVP_PKEY, Freer<EVP_PKEY_free>>;
using Certificate = std::unique_ptr<X509, Freer<X509_free>>;
using Extension = std::unique_ptr<X509_EXTENSION, Freer<X509_EXTENSION_free>>;
using Bio = std::unique_ptr<BIO, Freer<BIO_free_all>>;
using Serial = std::unique_ptr<BIGNUM, Freer<BN_free>>;

// OpenSSL's own words for the last failure, after what we were doing.
[[noreturn]] void fail(const std::string& doing) {
    std::array<char, 256> reason{};
    ERR_error_string_n(ERR_get_error(), reason.data(), reason.size());
    throw TlsError(doing + ": " + reason.data());
}

void check(int result, const std::string& doing) {
    if (result <= 0) fail(doing);
}

void add_extension(X509* certificate, int nid, const std::string& value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    const Extension extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str()));
    if (!extension) fail("certificate extension " + value);
    check(X509_add_ext(certificate, extension.get(), -1), "certificate extension " + value);
}

Certificate self_signed(EVP_PKEY* key, std::string_view host_name) {
    Certificate certificate(X509_new());
    if (!certificate) fail("new certificate");
    check(X509_set_version(certificate.get(), 2), "certificate version");  // v3, for the extensions
    // A random serial, so a browser never confuses this certificate with one made before.
    std::array<unsigned char, 16> serial_bytes{};
    check(RAND_bytes(serial_bytes.data(), serial_bytes.size()), "certificate serial");
    serial_bytes[0] &= 0x7f;  // positive
    const Serial serial(BN_bin2bn(serial_bytes.data(), serial_bytes.size(), nullptr));
    if (!serial || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get())))
        fail("certificate serial");
    constexpr long day = 24 * 60 * 60;
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -day);  // a PC whose clock is a little behind
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 3650 * day);
    check(X509_set_pubkey(certificate.get(), key), "certificate key");
    auto* name = X509_get_subject_name(certificate.get());
    const std::string common_name(host_name);
    check(X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("Kitap"), -1, -1,
                                     0),
          "certificate subject");
    check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1, 0),
          "certificate subject");
    check(X509_set_issuer_name(certificate.get(), name), "certificate issuer");
    add_extension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE");
    add_extension(certificate.get(), NID_key_usage, "critical,digitalSignature");
    add_extension(certificate.get(), NID_ext_key_usage, "serverAuth");
    add_extension(certificate.get(), NID_subject_alt_name,
                  "DNS:" + common_name + ",DNS:" + common_name + ".local,DNS:localhost,IP:127.0.0.1");
    check(X509_sign(certificate.get(), key, EVP_sha256()), "signing the certificate");
    return certificate;
}

std::string bio_text(BIO* bio) {
    char* data = nullptr;
    const auto size = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(size));
}

std::string key_pem(EVP_PKEY* key) {
    const Bio bio(BIO_new(BIO_s_mem()));
    check(PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr), "writing the key");
    return bio_text(bio.get());
}

std::string certificate_pem(X509* certificate) {
    const Bio bio(BIO_new(BIO_s_mem()));
    check(PEM_write_bio_X509(bio.get(), certificate), "writing the certificate");
    return bio_text(bio.get());
}

}  // namespace

TlsFiles default_tls_files(const std::filesystem::path& database) {
    const auto folder = database.parent_path();
    return {.certificate = folder / "kitap-web.crt", .key = folder / "kitap-web.key"};
}

void make_self_signed_certificate(const TlsFiles& files, std::string_view host_name) {
    for (const auto& path : {files.certificate, files.key}) {
        core::refuse_link(path);
        if (std::filesystem::exists(path))
            throw TlsError(path.string() + " exists without its certificate or key: move it away or name both");
    }
    const Key key(EVP_EC_gen("P-256"));
    if (!key) fail("making the key");
    const auto certificate = self_signed(key.get(), host_name);
    try {
        // The key first: a certificate is only ever written with its key already in place.
        core::write_private_file(files.key, key_pem(key.get()));
        core::write_private_file(files.certificate, certificate_pem(certificate.get()));
    } catch (const std::filesystem::filesystem_error& error) {
        throw TlsError(error.what());
    }
}

std::string sha256_fingerprint(const std::filesystem::path& certificate_path) {
    core::refuse_link(certificate_path);
    const Bio bio(BIO_new_file(certificate_path.c_str(), "r"));
    if (!bio) fail("reading " + certificate_path.string());
    const Certificate certificate(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!certificate) fail("reading " + certificate_path.string());
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    check(X509_digest(certificate.get(), EVP_sha256(), digest.data(), &size), "fingerprint");
    constexpr std::string_view hex = "0123456789ABCDEF";
    std::string text;
    for (unsigned int i = 0; i < size; ++i) {
        if (i > 0) text += ':';
        text += hex[digest[i] >> 4];
        text += hex[digest[i] & 0x0f];
    }
    return text;
}

std::string local_host_name() {
    std::array<char, 256> buffer{};
    if (gethostname(buffer.data(), buffer.size() - 1) != 0) return "localhost";
    std::string name;
    for (const char* c = buffer.data(); *c != '\0'; ++c)
        if (std::isalnum(static_cast<unsigned char>(*c)) != 0 || *c == '-' || *c == '.') name += *c;
    return name.empty() ? "localhost" : name;
}

}  // namespace kitap::web
