// Help topics, generated from the same tables as the parser and completion: the
// built-in functions, the commands and the derivative forms.
#pragma once

#include <string>
#include <vector>

namespace dfdx {

struct HelpTopic {
    std::string name;     ///< what the user types after `help`
    std::string usage;
    std::string summary;
    std::string example;
};

/// Every topic: commands, derivative forms, special forms, then built-in functions.
const std::vector<HelpTopic>& help_topics();

/// The lines `help TOPIC` prints (`help` alone lists the topics). Unknown topics
/// suggest the closest ones.
std::vector<std::string> help_lines(const std::string& topic);

}  // namespace dfdx
