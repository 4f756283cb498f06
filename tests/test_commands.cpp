// The command table: each row is a command the parser reads, help explains, completion
// offers and the session runs, so a row cannot be half added.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "expr/functions.hpp"
#include "resolve/resolve.hpp"
#include "session/completion.hpp"
#include "session/help.hpp"
#include "support.hpp"
#include "text/commands.hpp"
#include "text/parser.hpp"

namespace {

bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("each command's word and alias are unique, reserved and not a function") {
    std::set<std::string> seen;
    for (const dfdx::CommandInfo& c : dfdx::all_commands()) {
        for (std::string_view w : {c.word, c.alias}) {
            if (w.empty()) continue;
            const std::string word(w);
            CAPTURE(word);
            CHECK(seen.insert(word).second);
            CHECK_FALSE(dfdx::find_function(word).has_value());
            CHECK(dfdx::is_reserved_name(word));
            CHECK(dfdx::find_command(word) == &c);
            CHECK(has(dfdx::command_words(), word));
        }
    }
    CHECK(dfdx::command_words().size() == seen.size());
    CHECK(dfdx::find_command("sin") == nullptr);
    CHECK(dfdx::find_command("") == nullptr);
}

TEST_CASE("the table is in the order of its ids, and each row is complete") {
    std::size_t i = 0;
    for (const dfdx::CommandInfo& c : dfdx::all_commands()) {
        CAPTURE(c.word);
        CHECK(static_cast<std::size_t>(c.id) == i++);
        CHECK(std::string(c.usage).rfind(std::string(c.word), 0) == 0);  // starts with the word
        CHECK_FALSE(c.summary.empty());
        CHECK_FALSE(c.example.empty());
    }
}

TEST_CASE("a command word parses to its row of the table, an alias too") {
    for (const std::string& w : dfdx::command_words()) {
        CAPTURE(w);
        const dfdx::CommandInfo* c = dfdx::find_command(w);
        REQUIRE(c != nullptr);
        // Each command's help example, with its word spelled as `w`, parses to that row.
        std::string example(c->example);
        std::size_t at = example.rfind(std::string(c->word));
        REQUIRE(at != std::string::npos);
        example.replace(at, c->word.size(), w);
        auto parsed = dfdx::parse_chunk(example);
        const dfdx::ParsedStatement* command = nullptr;
        for (const dfdx::ParsedStatement& ps : parsed) {
            if (ps.span.begin <= at && at < ps.span.end) command = &ps;
        }
        REQUIRE(command != nullptr);
        REQUIRE_FALSE(command->error.has_value());
        CHECK(command->statement.command == c);
        CHECK(command->statement.kind == dfdx::StatementKind::Command);
        CHECK(command->statement.name == w);
    }
}

TEST_CASE("every command's help example runs without an error") {
    for (const dfdx::CommandInfo& c : dfdx::all_commands()) {
        CAPTURE(c.word);
        dfdx::Session s;
        test_support::Lines sink;
        s.run(std::string(c.example), sink);
        CHECK(sink.errors.empty());
    }
}

TEST_CASE("help has a topic for each command, with the table's usage") {
    for (const dfdx::CommandInfo& c : dfdx::all_commands()) {
        const dfdx::HelpTopic* t = dfdx::find_help_topic(std::string(c.word));
        REQUIRE(t != nullptr);
        CHECK(t->kind == dfdx::HelpTopic::Kind::Command);
        CHECK(t->usage == c.usage);
        if (!c.alias.empty()) CHECK(dfdx::find_help_topic(std::string(c.alias)) == t);
    }
}

TEST_CASE("a command's arguments complete to what its row says") {
    dfdx::Session s;
    test_support::run(s, "abc = 3");
    for (const dfdx::CommandInfo& c : dfdx::all_commands()) {
        CAPTURE(c.word);
        const std::string line = std::string(c.word) + " ";
        dfdx::Completion got = dfdx::complete(line, line.size(), s);
        switch (c.args) {
            case dfdx::CommandArgs::Nothing: CHECK(got.candidates.empty()); break;
            case dfdx::CommandArgs::Expression: CHECK(has(got.candidates, "sin(")); break;
            case dfdx::CommandArgs::Names:
                CHECK(got.candidates == std::vector<std::string>{"abc"});
                break;
            case dfdx::CommandArgs::Settings: CHECK(has(got.candidates, "format")); break;
            case dfdx::CommandArgs::Topics: CHECK(has(got.candidates, "d/dx")); break;
            case dfdx::CommandArgs::Files: CHECK(got.files); break;
        }
    }
}
