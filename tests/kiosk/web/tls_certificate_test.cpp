// The self-signed certificate, and `kitap serve` making it once and reusing it.
#include "kiosk/web/tls_certificate.hpp"
#include "tests/support/free_port.hpp"
#include "tests/support/shell.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>

namespace kitap::testing {
namespace {

namespace fs = std::filesystem;

fs::perms permissions(const fs::path& path) { return fs::status(path).permissions() & fs::perms::mask; }

TEST(TlsCertificate, SelfSignedKeyAndCertificateAreTheOwnersOnly) {
    TempDir dir;
    const auto files = web::default_tls_files(dir / "kitap.db");
    EXPECT_EQ(files.certificate, dir / "kitap-web.crt");
    EXPECT_EQ(files.key, dir / "kitap-web.key");
    web::make_self_signed_certificate(files, "kiosk-pc");
    EXPECT_EQ(permissions(files.key), fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_EQ(permissions(files.certificate), fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_NE(slurp(files.key).find("-----BEGIN PRIVATE KEY-----"), std::string::npos);
    const auto fingerprint = web::sha256_fingerprint(files.certificate);
    EXPECT_TRUE(std::regex_match(fingerprint, std::regex("([0-9A-F]{2}:){31}[0-9A-F]{2}"))) << fingerprint;
    // openssl's own reading of it: the names the browser checks, and the same fingerprint.
    const auto text = dir / "text";
    ASSERT_EQ(run("openssl x509 -in " + quoted(files.certificate.string()) + " -noout -text -fingerprint -sha256 > " +
                  quoted(text.string())),
              0);
    const auto shown = slurp(text);
    EXPECT_NE(shown.find("DNS:kiosk-pc, DNS:kiosk-pc.local, DNS:localhost, IP Address:127.0.0.1"), std::string::npos)
        << shown;
    EXPECT_NE(shown.find("sha256 Fingerprint=" + fingerprint), std::string::npos) << shown;
}

TEST(TlsCertificate, NeverOverwritesNorFollowsALink) {
    TempDir dir;
    const auto files = web::default_tls_files(dir / "kitap.db");
    fs::create_symlink(dir / "elsewhere", files.key);
    EXPECT_ANY_THROW(web::make_self_signed_certificate(files, "kiosk-pc"));
    EXPECT_FALSE(fs::exists(dir / "elsewhere"));
    fs::remove(files.key);
    { std::ofstream(files.certificate) << "a certificate of someone's"; }
    EXPECT_THROW(web::make_self_signed_certificate(files, "kiosk-pc"), web::TlsError);
    EXPECT_EQ(slurp(files.certificate), "a certificate of someone's");
}

// Runs `kitap serve ARGS` until it says it listens (or 20 s pass), then stops it with
// SIGTERM: its exit code, standard output and error.
struct ServeRun {
    int exit_code;
    std::string out;
    std::string err;
};
ServeRun serve_briefly(const TempDir& dir, const std::string& args) {
    const auto out = dir / "serve.out";
    const auto err = dir / "serve.err";
    // The files are emptied before the server starts: its own `>` truncates them in the
    // forked child, later than the first grep, which could read the previous run's "listening".
    const std::string script =
        ": > " + quoted(out.string()) + "; : > " + quoted(err.string()) +
        "; KITAP_DB=" + quoted((dir / "data" / "kitap.db").string()) +
        " XDG_CONFIG_HOME=" + quoted(dir.path().string()) + " " + quoted(KITAP_BINARY) + " serve " + args + " > " +
        quoted(out.string()) + " 2> " + quoted(err.string()) + " & pid=$!; for i in $(seq 200); do grep -q listening " +
        quoted(out.string()) +
        " && break; kill -0 $pid 2>/dev/null || break; sleep 0.1; done; kill -TERM $pid 2>/dev/null; wait $pid";
    const int code = run("sh -c " + quoted(script));
    return {code, slurp(out), slurp(err)};
}

TEST(KitapServe, MakesItsCertificateOnceAndPrintsItsFingerprintEveryStart) {
    TempDir dir;
    fs::create_directories(dir / "data");
    ASSERT_EQ(run("KITAP_DB=" + quoted((dir / "data" / "kitap.db").string()) + " " + quoted(KITAP_BINARY) +
                  " init > /dev/null"),
              0);
    const auto first = serve_briefly(dir, "--listen 127.0.0.1:0");
    EXPECT_EQ(first.exit_code, 2) << "port 0 is not a port to listen on: " << first.err;
    const auto port = std::to_string(free_port());
    const auto made = serve_briefly(dir, "--listen 127.0.0.1:" + port);
    EXPECT_EQ(made.exit_code, 0) << made.err;
    EXPECT_NE(made.out.find("made a self-signed certificate"), std::string::npos) << made.out;
    EXPECT_NE(made.out.find("listening on https://127.0.0.1:" + port + "/"), std::string::npos) << made.out;
    const auto fingerprint = web::sha256_fingerprint(dir / "data" / "kitap-web.crt");
    EXPECT_NE(made.out.find("fingerprint " + fingerprint), std::string::npos) << made.out;
    EXPECT_EQ(permissions(dir / "data" / "kitap-web.key"), fs::perms::owner_read | fs::perms::owner_write);

    const auto again = serve_briefly(dir, "--listen 127.0.0.1:" + port);
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(again.out.find("made a self-signed certificate"), std::string::npos) << again.out;
    EXPECT_NE(again.out.find("fingerprint " + fingerprint), std::string::npos) << "the same certificate: " << again.out;
}

TEST(KitapServe, NoTlsWarnsLoudly) {
    TempDir dir;
    fs::create_directories(dir / "data");
    const auto port = std::to_string(free_port());
    const auto plain = serve_briefly(dir, "--no-tls --listen 127.0.0.1:" + port);
    EXPECT_EQ(plain.exit_code, 0) << plain.err;
    EXPECT_NE(plain.err.find("WARNING: --no-tls"), std::string::npos) << plain.err;
    EXPECT_NE(plain.err.find("IN CLEAR"), std::string::npos) << plain.err;
    EXPECT_NE(plain.out.find("listening on http://127.0.0.1:" + port + "/"), std::string::npos) << plain.out;
    EXPECT_FALSE(fs::exists(dir / "data" / "kitap-web.crt"));
}

TEST(KitapServe, ACertificateWithoutItsKeyIsRefused) {
    TempDir dir;
    const auto run_serve = [&](const std::string& args) {
        return run("KITAP_DB=" + quoted((dir / "kitap.db").string()) + " " + quoted(KITAP_BINARY) + " serve " + args +
                   " > /dev/null 2>&1");
    };
    EXPECT_EQ(run_serve("--tls-cert " + quoted((dir / "x.crt").string())), 2);
    EXPECT_EQ(run_serve("--no-tls --tls-cert a --tls-key b"), 2);
    EXPECT_EQ(run_serve("--listen nowhere"), 2);
}

}  // namespace
}  // namespace kitap::testing
