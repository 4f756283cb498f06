// The expression value type: an immutable, hash-consed DAG node behind a small handle.
// Two equal expressions are the same node, so equality is a pointer compare.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "expr/rational.hpp"
#include "expr/small_node_map.hpp"

namespace dfdx {

/// Every node kind. Switches over Kind have no default, so a new kind cannot be forgotten.
enum class Kind : std::uint8_t {
    Number,    ///< num: an exact rational
    Symbol,    ///< name: a free variable
    Constant,  ///< id: pi or e
    Add,       ///< num + sum(coeffs[i] * args[i]); args sorted, none a Number or scaled Mul, at
               ///< most one an Add: a long sum sharing no term with the others (construct.hpp)
    Mul,       ///< num * prod(args[i]); args sorted by base, none a Number or Mul
    Pow,       ///< args[0] ^ args[1]
    Func,      ///< id: a built-in function of functions.hpp, applied to args
    Apply,     ///< name: an unknown function applied to args (kept abstract)
    Deriv,     ///< name: derivative of an unknown function; orders[i] per argument
    Vector,    ///< args: the elements (a matrix is a vector of rows)
};

enum class ConstantId : std::uint32_t { Pi = 0, E = 1 };

class Node;

/// A counted handle to an interned node. Cheap to copy; never null once built.
class Expr {
public:
    Expr() = default;
    explicit Expr(const Node* node) noexcept;
    Expr(const Expr& other) noexcept;
    Expr(Expr&& other) noexcept : node_(other.node_) { other.node_ = nullptr; }
    Expr& operator=(const Expr& other) noexcept;
    Expr& operator=(Expr&& other) noexcept;
    ~Expr();

    [[nodiscard]] const Node* get() const { return node_; }
    const Node* operator->() const { return node_; }
    const Node& operator*() const { return *node_; }
    explicit operator bool() const { return node_ != nullptr; }
    friend bool operator==(const Expr& a, const Expr& b) { return a.node_ == b.node_; }

    [[nodiscard]] Kind kind() const;

private:
    const Node* node_ = nullptr;
};

struct ExprHash {
    std::size_t operator()(const Expr& e) const { return std::hash<const void*>()(e.get()); }
};

/// An interned node. Fields not used by a kind are empty.
class Node {
public:
    Kind kind = Kind::Number;
    std::uint32_t id = 0;
    std::uint32_t depth = 1;   ///< longest path to a leaf, in nodes
    bool has_symbols = false;  ///< a Symbol anywhere in it (set when interned)
    bool has_calls = false;    ///< an Apply or Deriv anywhere in it (likewise)
    std::uint64_t hash = 0;    ///< structural: depends only on the contents
    Rational num;
    std::string name;
    std::vector<Expr> args;
    std::vector<Rational> coeffs;       ///< Add only, one per arg
    std::vector<std::uint32_t> orders;  ///< Deriv only, one per arg
    mutable std::uint32_t refs = 0;
    mutable bool queued = false;  ///< on the table's list of nodes to free
};

inline Kind Expr::kind() const { return node_->kind; }

/// A deterministic total order on expressions by structure (never by address).
/// Used to store children canonically; presentation order belongs to the printer.
int compare(const Expr& a, const Expr& b);

/// Number of live interned nodes (for limits, tests and benchmarks).
std::size_t live_nodes();
/// Number of nodes created since the process started: the work a computation did.
std::uint64_t nodes_built();

/// Largest number of live nodes before construction fails with Error(Limit).
inline constexpr std::size_t max_live_nodes = 20'000'000;
/// Deepest expression that may be built; deeper ones fail with Error(Limit).
inline constexpr std::uint32_t max_depth = 3000;

/// Cancellation: the core polls this flag (set by the CLI from a signal handler) while it
/// builds nodes, and throws Error(Interrupted) when it is set. Null disables polling.
void set_interrupt_flag(const volatile int* flag);
/// Deadline for the statement being run, in steady-clock nanoseconds; 0 disables it.
void set_deadline(std::int64_t steady_ns);
/// The same check, for long loops that create no nodes (printing a huge result): cheap,
/// it looks at the flag and the clock once every 1024 calls.
void check_interrupt();
/// Frees the nodes a cancelled statement dropped. When a statement is interrupted or times
/// out, the nodes it built are only queued while the error unwinds, so the error reaches
/// the user at once; the front end calls this before the next statement (and live_nodes()
/// does too). A process that ends after the error never pays for the freeing.
void collect_garbage();

// Queries used everywhere.
[[nodiscard]] inline bool is_number(const Expr& e) { return e.kind() == Kind::Number; }
[[nodiscard]] bool is_number(const Expr& e, long value);
[[nodiscard]] inline bool is_zero(const Expr& e) { return is_number(e, 0); }
[[nodiscard]] inline bool is_one(const Expr& e) { return is_number(e, 1); }
[[nodiscard]] inline bool is_symbol(const Expr& e) { return e.kind() == Kind::Symbol; }
/// Visits every distinct node of root's DAG once, polling for cancellation (walks of
/// 100,000-node results create no nodes); stops early when visit returns false.
template <class Visit>
void walk_dag(const Expr& root, Visit&& visit) {
    detail::SmallNodeMap<bool> seen;
    std::vector<const Node*> stack{root.get()};
    while (!stack.empty()) {
        const Node* n = stack.back();
        stack.pop_back();
        if (seen.find(n)) continue;
        seen.insert(n, true);
        check_interrupt();
        if (!visit(*n)) return;
        for (const Expr& a : n->args) stack.push_back(a.get());
    }
}

/// True when `e` contains the symbol `name` anywhere.
[[nodiscard]] bool has_symbol(const Expr& e, const std::string& name);
/// True when e calls an unknown function (f(x), f'(x)) anywhere.
[[nodiscard]] bool has_unknown_calls(const Expr& e);
/// True when e has no free symbol and no unknown call: a number once evaluated.
[[nodiscard]] bool is_constant_value(const Expr& e);
/// The free symbols of e, sorted by name.
std::vector<std::string> free_symbols(const Expr& e);
/// A name that e uses both as a free symbol and as an unknown function (`h + h(x)`), which
/// no printed form can tell apart (`h(x)` next to the variable `h` reads as a product).
[[nodiscard]] std::optional<std::string> variable_and_function(const Expr& e);
/// A call of an unknown function (or of its derivative) whose arguments are all numbers
/// or constants, as in f(2) or the g(1) of f(g(1)); empty when there is none.
[[nodiscard]] Expr unknown_call_at_point(const Expr& e);
/// Number of distinct nodes in the DAG of e.
std::size_t dag_size(const Expr& e);

}  // namespace dfdx
