// The unique table: every node is created here once, found again by structural hash,
// and released without recursion when its last handle goes away.
#include <chrono>
#include <unordered_set>

#include "dfdx/error.hpp"
#include "node_table.hpp"

namespace dfdx {

namespace {

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h;
}

std::uint64_t structural_hash(const Node& n) {
    std::uint64_t h = static_cast<std::uint64_t>(n.kind) * 0x100000001b3ull + n.id;
    if (n.kind == Kind::Number || n.kind == Kind::Add || n.kind == Kind::Mul) {
        h = mix(h, hash_rational(n.num));
    }
    if (!n.name.empty()) h = mix(h, std::hash<std::string>()(n.name));
    for (const Expr& a : n.args) h = mix(h, a->hash);
    for (const Rational& c : n.coeffs) h = mix(h, hash_rational(c));
    for (std::uint32_t o : n.orders) h = mix(h, o);
    return h;
}

struct NodeHash {
    std::size_t operator()(const Node* n) const { return n->hash; }
};

struct NodeEq {
    bool operator()(const Node* a, const Node* b) const {
        return a->kind == b->kind && a->hash == b->hash && a->id == b->id && a->name == b->name &&
               a->num == b->num && a->args == b->args && a->coeffs == b->coeffs &&
               a->orders == b->orders;
    }
};

struct Table {
    std::unordered_set<const Node*, NodeHash, NodeEq> nodes;
    std::vector<const Node*> dying;
    bool releasing = false;
    const volatile int* interrupt = nullptr;
    std::int64_t deadline_ns = 0;
    std::uint32_t ticks = 0;
};

// The one piece of process state in the core: value semantics for Expr need a single
// unique table. It holds no user-visible state (see docs/decisions.md).
Table& table() {
    static Table* t = new Table();  // never destroyed: handles may outlive static teardown
    return *t;
}

void poll(Table& t) {
    if (++t.ticks % 1024 != 0) return;
    if (t.interrupt && *t.interrupt) throw Error(ErrorCode::Interrupted, "interrupted");
    if (t.deadline_ns) {
        auto now = std::chrono::steady_clock::now().time_since_epoch();
        if (std::chrono::duration_cast<std::chrono::nanoseconds>(now).count() > t.deadline_ns) {
            throw Error(ErrorCode::Timeout, "timed out (--timeout)");
        }
    }
}

void release(const Node* n) {
    Table& t = table();
    t.dying.push_back(n);
    if (t.releasing) return;  // the outer loop frees it
    t.releasing = true;
    while (!t.dying.empty()) {
        const Node* d = t.dying.back();
        t.dying.pop_back();
        t.nodes.erase(d);
        delete d;  // children's handles drop here and push onto `dying`, not recurse
    }
    t.releasing = false;
}

}  // namespace

Expr::Expr(const Node* node) noexcept : node_(node) {
    if (node_) ++node_->refs;
}
Expr::Expr(const Expr& other) noexcept : node_(other.node_) {
    if (node_) ++node_->refs;
}
Expr& Expr::operator=(const Expr& other) noexcept {
    if (other.node_) ++other.node_->refs;
    const Node* old = node_;
    node_ = other.node_;
    if (old && --old->refs == 0) release(old);
    return *this;
}
Expr& Expr::operator=(Expr&& other) noexcept {
    if (this != &other) {
        const Node* old = node_;
        node_ = other.node_;
        other.node_ = nullptr;
        if (old && --old->refs == 0) release(old);
    }
    return *this;
}
Expr::~Expr() {
    if (node_ && --node_->refs == 0) release(node_);
}

std::size_t live_nodes() { return table().nodes.size(); }

void set_interrupt_flag(const volatile int* flag) { table().interrupt = flag; }
void set_deadline(std::int64_t steady_ns) { table().deadline_ns = steady_ns; }

namespace detail {

Expr intern(Node&& proto) {
    Table& t = table();
    proto.hash = structural_hash(proto);
    auto it = t.nodes.find(&proto);
    if (it != t.nodes.end()) return Expr(*it);
    poll(t);
    std::uint32_t depth = 0;
    for (const Expr& a : proto.args) depth = std::max(depth, a->depth);
    proto.depth = depth + 1;
    if (proto.depth > max_depth) {
        throw Error(ErrorCode::Limit, "expression deeper than the limit of " +
                                          std::to_string(max_depth) + " levels");
    }
    if (t.nodes.size() >= max_live_nodes) {
        throw Error(ErrorCode::Limit, "expression larger than the limit of " +
                                          std::to_string(max_live_nodes) + " nodes");
    }
    Node* n = new Node(std::move(proto));
    n->refs = 0;
    t.nodes.insert(n);
    return Expr(n);
}

}  // namespace detail
}  // namespace dfdx
