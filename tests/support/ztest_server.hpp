#pragma once

#include "tests/kiosk/gui/support/child_process.hpp"

#include <filesystem>
#include <string>

namespace kitap::testing {

// yaz-ztest (Debian's yaz package), a real Z39.50 server on 127.0.0.1 for one test: it
// answers a search with as many hits as the term's number and serves the same few
// sample MARC 21 records whatever was asked. Ready to answer once constructed.
class ZtestServer {
public:
    explicit ZtestServer(const std::filesystem::path& log);
    ~ZtestServer();
    ZtestServer(const ZtestServer&) = delete;
    ZtestServer& operator=(const ZtestServer&) = delete;

    std::string address() const;  // HOST:PORT/DATABASE, as [catalogue] servers lists it

private:
    int port_;
    ChildProcess process_;
};

}  // namespace kitap::testing
