// Help topics, generated from the same tables as the parser and completion: the
// built-in functions (functions.hpp), the commands (commands.hpp) and the derivative forms.
#pragma once

#include <string>
#include <vector>

namespace dfdx {

struct HelpTopic {
    enum class Kind { Form, Command, Function };
    Kind kind = Kind::Form;
    std::string name;  ///< what the user types after `help`
    std::string usage;
    std::string summary;
    std::string example;
};

/// Every topic: derivative and special forms, commands, then the built-in functions in
/// the order of the function table. Every command word of the parser has a topic.
const std::vector<HelpTopic>& help_topics();

/// The topic `name` names (aliases such as `∂/∂x`, `d/dy` or `derivative` included).
const HelpTopic* find_help_topic(const std::string& name);

/// The topic name closest to `name` (one edit for short names, two for longer ones,
/// or the only topic it is a prefix of); empty when nothing is close.
std::string closest_topic(const std::string& name);

/// The lines `help TOPIC` prints: a usage line, what it does and an example. `help`
/// alone lists the topics by kind. An unknown topic is Error(Parse) with
/// `did you mean ...?` when one is close.
std::vector<std::string> help_lines(const std::string& topic);

}  // namespace dfdx
