// Compiling expressions to straight-line code over doubles: emission with constant
// folding (one value per DAG node), register reuse by liveness, and the block evaluator.
#include "numbers/compiled.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <optional>
#include <unordered_map>

#include "expr/error.hpp"
#include "expr/functions.hpp"
#include "numbers/eval.hpp"

namespace dfdx {

namespace {

using Instr = Compiled::Instr;

/// The instructions. a and b are registers, c and k immediates.
enum class Op : std::uint8_t {
    Var,          ///< dst = variable fn
    Const,        ///< dst = k
    Affine,       ///< dst = k + c*a
    AddScaled,    ///< dst = a + c*b
    Add,          ///< dst = a + b
    Scale,        ///< dst = k*a
    Mul,          ///< dst = a*b
    Square,       ///< a^2
    Cube,         ///< a^3
    Fourth,       ///< a^4
    Recip,        ///< a^-1
    RecipSquare,  ///< a^-2
    Sqrt,         ///< a^(1/2)
    RecipSqrt,    ///< a^(-1/2)
    Cbrt,         ///< a^(1/3)
    PowConst,     ///< a^c
    PowOddRoot,   ///< a^c for c = p/q with q odd: real for negative a, sign k
    PowBase,      ///< k^a
    Pow,          ///< a^b
    Sin,
    Cos,
    Tan,
    Exp,
    Ln,
    Atan,
    Sinh,
    Cosh,
    Tanh,
    Abs,
    Call1,  ///< built-in fn of a
    Call2,  ///< built-in fn of a, b
};

int arity(Op op) {
    switch (op) {
        case Op::Var:
        case Op::Const: return 0;
        case Op::AddScaled:
        case Op::Add:
        case Op::Mul:
        case Op::Pow:
        case Op::Call2: return 2;
        case Op::Affine:
        case Op::Scale:
        case Op::Square:
        case Op::Cube:
        case Op::Fourth:
        case Op::Recip:
        case Op::RecipSquare:
        case Op::Sqrt:
        case Op::RecipSqrt:
        case Op::Cbrt:
        case Op::PowConst:
        case Op::PowOddRoot:
        case Op::PowBase:
        case Op::Sin:
        case Op::Cos:
        case Op::Tan:
        case Op::Exp:
        case Op::Ln:
        case Op::Atan:
        case Op::Sinh:
        case Op::Cosh:
        case Op::Tanh:
        case Op::Abs:
        case Op::Call1: return 1;
    }
    return 0;
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// A built-in's value, NaN where it is undefined (as eval_function throws there).
inline double defined(double v) { return std::isfinite(v) ? v : kNaN; }

inline double pow_const(double a, double c) { return a == 0 && c < 0 ? kNaN : std::pow(a, c); }
inline double pow_odd_root(double a, double c, double sign) {
    return a < 0 ? sign * std::pow(-a, c) : pow_const(a, c);
}
inline double pow_any(double a, double b) {
    if (std::isnan(a) || std::isnan(b) || (a == 0 && b < 0)) return kNaN;
    return std::pow(a, b);  // NaN for a negative base and a fractional exponent
}

template <class F>
inline void map1(double* d, const double* a, std::size_t n, F f) {
    for (std::size_t i = 0; i < n; ++i) d[i] = f(a[i]);
}
template <class F>
inline void map2(double* d, const double* a, const double* b, std::size_t n, F f) {
    for (std::size_t i = 0; i < n; ++i) d[i] = f(a[i], b[i]);
}
/// A built-in of one argument over n points: NaN outside its domain, which is the
/// function table's (function_domain), read once per instruction, not per point.
template <class F>
inline void map_function(double* d, const double* a, std::size_t n, std::uint32_t fn, F f) {
    const FunctionDomain dom = function_domain(fn);
    if (dom == FunctionDomain::All) return map1(d, a, n, [=](double u) { return defined(f(u)); });
    map1(d, a, n, [=](double u) { return in_domain(dom, u) ? defined(f(u)) : kNaN; });
}

/// Runs one instruction over n points; register r lives at regs + r * stride.
void exec(const Instr& in, double* regs, std::size_t stride, std::size_t n,
          const double* const* columns, std::size_t offset) {
    double* d = regs + in.dst * stride;
    const double* a = regs + in.a * stride;
    const double* b = regs + in.b * stride;
    const double c = in.c, k = in.k;
    switch (static_cast<Op>(in.op)) {
        case Op::Var: std::memcpy(d, columns[in.fn] + offset, n * sizeof(double)); return;
        case Op::Const: std::fill_n(d, n, k); return;
        case Op::Affine: return map1(d, a, n, [=](double u) { return k + c * u; });
        case Op::AddScaled: return map2(d, a, b, n, [=](double u, double v) { return u + c * v; });
        case Op::Add: return map2(d, a, b, n, [](double u, double v) { return u + v; });
        case Op::Scale: return map1(d, a, n, [=](double u) { return k * u; });
        case Op::Mul: return map2(d, a, b, n, [](double u, double v) { return u * v; });
        case Op::Square: return map1(d, a, n, [](double u) { return u * u; });
        case Op::Cube: return map1(d, a, n, [](double u) { return u * u * u; });
        case Op::Fourth:
            return map1(d, a, n, [](double u) {
                double s = u * u;
                return s * s;
            });
        case Op::Recip: return map1(d, a, n, [](double u) { return u == 0 ? kNaN : 1 / u; });
        case Op::RecipSquare:
            return map1(d, a, n, [](double u) { return u == 0 ? kNaN : 1 / (u * u); });
        case Op::Sqrt: return map1(d, a, n, [](double u) { return std::sqrt(u); });
        case Op::RecipSqrt:
            return map1(d, a, n, [](double u) { return u == 0 ? kNaN : 1 / std::sqrt(u); });
        case Op::Cbrt: return map1(d, a, n, [](double u) { return std::cbrt(u); });
        case Op::PowConst: return map1(d, a, n, [=](double u) { return pow_const(u, c); });
        case Op::PowOddRoot: return map1(d, a, n, [=](double u) { return pow_odd_root(u, c, k); });
        case Op::PowBase: return map1(d, a, n, [=](double u) { return pow_any(k, u); });
        case Op::Pow: return map2(d, a, b, n, pow_any);
        case Op::Sin: return map_function(d, a, n, in.fn, [](double u) { return std::sin(u); });
        case Op::Cos: return map_function(d, a, n, in.fn, [](double u) { return std::cos(u); });
        case Op::Tan: return map_function(d, a, n, in.fn, [](double u) { return std::tan(u); });
        case Op::Exp: return map_function(d, a, n, in.fn, [](double u) { return std::exp(u); });
        case Op::Ln: return map_function(d, a, n, in.fn, [](double u) { return std::log(u); });
        case Op::Atan: return map_function(d, a, n, in.fn, [](double u) { return std::atan(u); });
        case Op::Sinh: return map_function(d, a, n, in.fn, [](double u) { return std::sinh(u); });
        case Op::Cosh: return map_function(d, a, n, in.fn, [](double u) { return std::cosh(u); });
        case Op::Tanh: return map_function(d, a, n, in.fn, [](double u) { return std::tanh(u); });
        case Op::Abs: return map_function(d, a, n, in.fn, [](double u) { return std::fabs(u); });
        case Op::Call1: {
            const auto f = function_info(in.fn).numeric;
            // NaN stays NaN (step and sign would make a number of it).
            return map_function(d, a, n, in.fn, [f](double u) {
                return std::isnan(u) ? kNaN : f(std::span<const double>(&u, 1));
            });
        }
        case Op::Call2: {
            const auto f = function_info(in.fn).numeric;
            return map2(d, a, b, n, [f](double u, double v) {
                if (std::isnan(u) || std::isnan(v)) return kNaN;
                const double x[2] = {u, v};
                return defined(f(std::span<const double>(x, 2)));
            });
        }
    }
}

/// The inlined instruction for a built-in, or Call1/Call2. Inlined or not, a call is NaN
/// where the table's domain excludes its argument (map_function).
Op function_op(std::uint32_t id, std::size_t nargs) {
    static const std::map<std::string_view, Op> kInline = {
        {"sin", Op::Sin},   {"cos", Op::Cos},   {"tan", Op::Tan},   {"exp", Op::Exp},
        {"ln", Op::Ln},     {"atan", Op::Atan}, {"sinh", Op::Sinh}, {"cosh", Op::Cosh},
        {"tanh", Op::Tanh}, {"abs", Op::Abs}};
    if (nargs == 1) {
        auto it = kInline.find(function_info(id).name);
        if (it != kInline.end()) return it->second;
    }
    return nargs == 1 ? Op::Call1 : Op::Call2;
}

/// A value while compiling: a known constant, or the SSA id of an instruction's result.
struct Val {
    bool is_const = false;
    double value = 0;
    std::uint32_t id = 0;
};

/// Emits SSA code for expressions, one value per DAG node, folding constants.
class Emitter {
public:
    explicit Emitter(const std::vector<std::string>& vars) : vars_(vars) {}

    Val value(const Expr& e) {
        auto it = memo_.find(e.get());
        if (it != memo_.end()) return it->second;
        Val v = compute(e);
        memo_.emplace(e.get(), v);
        return v;
    }

    /// The SSA id holding v (a Const instruction for a constant).
    std::uint32_t reg(const Val& v) {
        if (!v.is_const) return v.id;
        std::uint64_t bits;
        std::memcpy(&bits, &v.value, sizeof bits);
        auto it = consts_.find(bits);
        if (it != consts_.end()) return it->second;
        Instr in;
        in.op = static_cast<std::uint8_t>(Op::Const);
        in.dst = next_++;
        in.k = v.value;
        code.push_back(in);
        consts_.emplace(bits, in.dst);
        return in.dst;
    }

    std::vector<Instr> code;

private:
    Val constant(double v) { return {true, v, 0}; }

    Val emit(Op op, Val a, Val b = {}, double c = 0, double k = 0, std::uint32_t fn = 0) {
        Instr in;
        in.op = static_cast<std::uint8_t>(op);
        in.fn = fn;
        in.c = c;
        in.k = k;
        const int n = arity(op);
        if (a.is_const && (n < 2 || b.is_const)) {
            double regs[3] = {a.value, b.value, 0};
            in.a = 0;
            in.b = 1;
            in.dst = 2;
            exec(in, regs, 1, 1, nullptr, 0);
            return constant(regs[2]);
        }
        in.a = reg(a);
        if (n == 2) in.b = reg(b);
        in.dst = next_++;
        code.push_back(in);
        return {false, 0, in.dst};
    }

    Val compute(const Expr& e) {
        switch (e.kind()) {
            case Kind::Number: return constant(to_double(e->num));
            case Kind::Constant:
                return constant(e->id == static_cast<std::uint32_t>(ConstantId::Pi) ? M_PI : M_E);
            case Kind::Symbol: return variable(e->name);
            case Kind::Add: return sum(e);
            case Kind::Mul: return product(e);
            case Kind::Pow: return power(e);
            case Kind::Func: {
                Val a = value(e->args[0]);
                Val b = e->args.size() > 1 ? value(e->args[1]) : Val{};
                return emit(function_op(e->id, e->args.size()), a, b, 0, 0, e->id);
            }
            case Kind::Apply:
            case Kind::Deriv:
            case Kind::Vector: no_numeric_value(e);
        }
        return constant(0);
    }

    Val variable(const std::string& name) {
        auto it = std::find(vars_.begin(), vars_.end(), name);
        if (it == vars_.end()) throw Error(ErrorCode::UnknownFunction, name + " has no value");
        Instr in;
        in.op = static_cast<std::uint8_t>(Op::Var);
        in.fn = static_cast<std::uint32_t>(it - vars_.begin());
        in.dst = next_++;
        code.push_back(in);
        return {false, 0, in.dst};
    }

    // num + sum(coeffs[i] * args[i]): constant terms folded into immediates, the others
    // added as they are computed (so dead values free their registers early).
    Val sum(const Expr& e) {
        double pending = to_double(e->num);
        std::optional<Val> acc;
        for (std::size_t i = 0; i < e->args.size(); ++i) {
            const double c = to_double(e->coeffs[i]);
            Val t = value(e->args[i]);
            if (t.is_const) {
                pending += c * t.value;
            } else if (!acc) {
                acc = pending != 0 ? emit(Op::Affine, t, {}, c, pending)
                      : c == 1     ? t
                                   : emit(Op::Scale, t, {}, 0, c);
                pending = 0;
            } else {
                acc = c == 1 ? emit(Op::Add, *acc, t) : emit(Op::AddScaled, *acc, t, c);
            }
        }
        if (!acc) return constant(pending);
        return pending == 0 ? *acc : emit(Op::Affine, *acc, {}, 1, pending);
    }

    // num * prod(args[i]): constant factors folded into one scaling at the end.
    Val product(const Expr& e) {
        double pending = to_double(e->num);
        std::optional<Val> acc;
        for (const Expr& a : e->args) {
            Val f = value(a);
            if (f.is_const)
                pending *= f.value;
            else
                acc = acc ? emit(Op::Mul, *acc, f) : f;
        }
        if (!acc) return constant(pending);
        return pending == 1 ? *acc : emit(Op::Scale, *acc, {}, 0, pending);
    }

    Val power(const Expr& e) {
        Val base = value(e->args[0]);
        const Expr& ex = e->args[1];
        if (ex.kind() == Kind::Number) {
            const Rational& q = ex->num;
            const double c = to_double(q);
            if (q == 2) return emit(Op::Square, base);
            if (q == 3) return emit(Op::Cube, base);
            if (q == 4) return emit(Op::Fourth, base);
            if (q == -1) return emit(Op::Recip, base);
            if (q == -2) return emit(Op::RecipSquare, base);
            if (q == Rational(1, 2)) return emit(Op::Sqrt, base);
            if (q == Rational(-1, 2)) return emit(Op::RecipSqrt, base);
            if (q == Rational(1, 3)) return emit(Op::Cbrt, base);
            if (q.get_den() != 1 && q.get_den() % 2 != 0) {
                return emit(Op::PowOddRoot, base, {}, c, q.get_num() % 2 != 0 ? -1.0 : 1.0);
            }
            return emit(Op::PowConst, base, {}, c);
        }
        Val exponent = value(ex);
        if (exponent.is_const) return emit(Op::PowConst, base, {}, exponent.value);
        if (base.is_const) return emit(Op::PowBase, exponent, {}, 0, base.value);
        return emit(Op::Pow, base, exponent);
    }

    const std::vector<std::string>& vars_;
    std::unordered_map<const Node*, Val> memo_;
    std::map<std::uint64_t, std::uint32_t> consts_;
    std::uint32_t next_ = 0;
};

/// Renames SSA ids to registers, reusing a register once its value is dead. `outputs`
/// holds SSA ids on entry and registers on exit. Returns the number of registers.
std::size_t allocate_registers(std::vector<Instr>& code, std::vector<std::uint32_t>& outputs) {
    constexpr std::size_t kForever = std::numeric_limits<std::size_t>::max();
    std::size_t ids = 0;
    for (const Instr& in : code) ids = std::max<std::size_t>(ids, in.dst + 1);
    std::vector<std::size_t> last(ids, 0);
    std::vector<bool> used(ids, false);
    for (std::size_t i = 0; i < code.size(); ++i) {
        const int n = arity(static_cast<Op>(code[i].op));
        if (n >= 1) last[code[i].a] = i, used[code[i].a] = true;
        if (n >= 2) last[code[i].b] = i, used[code[i].b] = true;
    }
    for (std::uint32_t o : outputs) last[o] = kForever, used[o] = true;

    std::vector<std::uint32_t> phys(ids, 0);
    std::vector<std::uint32_t> free_list;
    std::uint32_t count = 0;
    for (std::size_t i = 0; i < code.size(); ++i) {
        Instr& in = code[i];
        const int n = arity(static_cast<Op>(in.op));
        const std::uint32_t a = in.a, b = in.b;
        if (n >= 1) in.a = phys[a];
        if (n >= 2) in.b = phys[b];
        // Operands dying here free their registers first: the kernels are element-wise,
        // so the result may overwrite an operand.
        if (n >= 1 && last[a] == i) free_list.push_back(phys[a]);
        if (n >= 2 && last[b] == i && b != a) free_list.push_back(phys[b]);
        std::uint32_t r;
        if (free_list.empty()) {
            r = count++;
        } else {
            r = free_list.back();
            free_list.pop_back();
        }
        const std::uint32_t id = in.dst;
        phys[id] = r;
        in.dst = r;
        if (!used[id]) free_list.push_back(r);  // a result nothing reads
    }
    for (std::uint32_t& o : outputs) o = phys[o];
    return count;
}

}  // namespace

Compiled::Compiled(std::span<const Expr> outputs, std::vector<std::string> vars)
    : vars_(std::move(vars)) {
    Emitter em(vars_);
    std::vector<Val> vals;
    for (const Expr& e : outputs) vals.push_back(em.value(e));
    for (const Val& v : vals) outputs_.push_back(em.reg(v));
    code_ = std::move(em.code);
    registers_ = allocate_registers(code_, outputs_);
}

Compiled::Compiled(const Expr& output, const std::string& var)
    : Compiled(std::span<const Expr>(&output, 1), std::vector<std::string>{var}) {}

void Compiled::run_block(const double* const* columns, std::size_t offset, std::size_t n,
                         double* regs, std::size_t stride) const {
    for (const Instr& in : code_) exec(in, regs, stride, n, columns, offset);
}

void Compiled::evaluate(std::span<const double> point, std::span<double> out) const {
    assert(point.size() == vars_.size() && out.size() >= outputs_.size());
    constexpr std::size_t kStack = 64;
    double stack_regs[kStack];
    std::vector<double> heap_regs;
    double* regs = stack_regs;
    if (registers_ > kStack) {
        heap_regs.resize(registers_);
        regs = heap_regs.data();
    }
    std::vector<const double*> columns(vars_.size());
    for (std::size_t v = 0; v < vars_.size(); ++v) columns[v] = &point[v];
    run_block(columns.data(), 0, 1, regs, 1);
    for (std::size_t j = 0; j < outputs_.size(); ++j) out[j] = regs[outputs_[j]];
}

double Compiled::operator()(std::span<const double> point) const {
    std::vector<double> out(outputs_.size());
    evaluate(point, out);
    return out.at(0);
}

double Compiled::operator()(double x) const {
    assert(vars_.size() == 1);
    double out[1];
    if (outputs_.size() == 1) {
        evaluate(std::span<const double>(&x, 1), out);
        return out[0];
    }
    return (*this)(std::span<const double>(&x, 1));
}

void Compiled::evaluate_many(std::span<const double> xs, std::span<double> out) const {
    assert(vars_.size() == 1);
    const double* columns[1] = {xs.data()};
    evaluate_columns(columns, xs.size(), out);
}

void Compiled::evaluate_columns(std::span<const double* const> columns, std::size_t count,
                                std::span<double> out) const {
    assert(columns.size() == vars_.size() && out.size() >= outputs_.size() * count);
    std::vector<double> regs(std::max<std::size_t>(registers_, 1) * block);
    for (std::size_t offset = 0; offset < count; offset += block) {
        const std::size_t n = std::min(block, count - offset);
        run_block(columns.data(), offset, n, regs.data(), block);
        for (std::size_t j = 0; j < outputs_.size(); ++j) {
            std::memcpy(&out[j * count + offset], &regs[outputs_[j] * block], n * sizeof(double));
        }
    }
}

}  // namespace dfdx
