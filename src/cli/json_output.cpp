// JSON objects of --format json (json_output.hpp), built with nlohmann-json.
#include "cli/json_output.hpp"

#include <nlohmann/json.hpp>

namespace dfdx::cli {

namespace {

// Keys in the order written: input first, notes last, as docs/formats.md shows them.
using json = nlohmann::ordered_json;

json value_json(const ShownValue& v) {
    if (!v.is_list) return v.number;  // a string: every digit the precision asked for
    json list = json::array();
    for (const ShownValue& item : v.items) list.push_back(value_json(item));
    return list;
}

/// Text from the core is UTF-8, but an input line may not be: such bytes become U+FFFD
/// rather than an exception in the middle of the output.
std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::string json_line(const JsonStatement& st) {
    json j = json::object();
    j["input"] = st.input;
    if (st.error) {
        json e = json::object();
        if (!st.error->file.empty()) e["file"] = st.error->file;
        e["line"] = st.error->line;
        e["column"] = st.error->column;
        e["message"] = st.error->message;
        j["error"] = e;
    } else if (st.shown && st.lines.empty()) {
        j["result"] = st.shown->text;
        j["latex"] = st.shown->latex;
        j["value"] = st.shown->value ? value_json(*st.shown->value) : json(nullptr);
    } else {
        json lines = json::array();
        if (st.shown) lines.push_back(st.shown->text);
        for (const std::string& l : st.lines) lines.push_back(l);
        j["lines"] = lines;
    }
    j["notes"] = st.notes;
    return dump(j);
}

std::string json_error_line(const std::string& message) {
    json j = json::object();
    j["error"] = json{{"message", message}};
    return dump(j);
}

}  // namespace dfdx::cli
