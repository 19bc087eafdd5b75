using System.Numerics;

namespace Workbook.Core.Tests.Queueing;

/// <summary>
/// A binary floating-point number with a 320-bit significand (about 96 significant decimal digits)
/// and an unbounded exponent, on <see cref="BigInteger"/>: value = Mantissa × 2^Exponent. The
/// reference arithmetic for the queueing oracle; slow, simple and obviously right.
/// </summary>
/// <remarks>
/// Every operation rounds toward zero to <see cref="Precision"/> bits, a relative error below
/// 2⁻³¹⁹ ≈ 10⁻⁹⁶ per operation, so thousands of operations still leave 90 correct digits. The exponent
/// is an <see cref="int"/>, so numbers such as 100000! or e^−700000 that overflow a double are fine.
/// exp and ln use Taylor and atanh series after argument reduction.
/// </remarks>
internal readonly struct BigFloat : IComparable<BigFloat>
{
    public const int Precision = 320;

    private static readonly BigFloat Ln2Value = ComputeLn2();

    private BigFloat(BigInteger mantissa, long exponent)
    {
        if (mantissa.IsZero)
        {
            Mantissa = BigInteger.Zero;
            Exponent = 0;
            return;
        }

        var sign = mantissa.Sign;
        var magnitude = BigInteger.Abs(mantissa);
        var bits = (long)magnitude.GetBitLength();
        if (bits > Precision)
        {
            magnitude >>= (int)(bits - Precision);
            exponent += bits - Precision;
        }
        else if (bits < Precision)
        {
            magnitude <<= (int)(Precision - bits);
            exponent -= Precision - bits;
        }

        Mantissa = sign < 0 ? -magnitude : magnitude;
        Exponent = checked((int)exponent);
    }

    public BigInteger Mantissa { get; }

    public int Exponent { get; }

    public static BigFloat Zero => default;

    public static BigFloat One => new(BigInteger.One, 0);

    public static BigFloat Ln2 => Ln2Value;

    public int Sign => Mantissa.Sign;

    public bool IsZero => Mantissa.IsZero;

    /// <summary>log₂|x| to within 1, cheap: for comparing magnitudes.</summary>
    public long Log2Floor => IsZero ? long.MinValue : Exponent + Precision - 1;

    public static BigFloat FromDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "BigFloat holds finite numbers only.");
        }

        if (value == 0)
        {
            return Zero;
        }

        // Exact: a double is an integer of at most 53 bits times a power of two.
        var exponent = Math.ILogB(value) - 52;
        var integer = Math.ScaleB(value, -exponent);
        return new BigFloat(new BigInteger(integer), exponent);
    }

    public static BigFloat FromInteger(BigInteger value) => new(value, 0);

    public static implicit operator BigFloat(double value) => FromDouble(value);

    public static implicit operator BigFloat(int value) => FromInteger(value);

    public static BigFloat operator -(BigFloat x) => new(-x.Mantissa, x.Exponent);

    public static BigFloat operator +(BigFloat x, BigFloat y)
    {
        if (x.IsZero)
        {
            return y;
        }

        if (y.IsZero)
        {
            return x;
        }

        // Align to the smaller exponent. If one operand is below the other's last bit by a wide
        // margin it cannot change the rounded sum.
        if (x.Exponent < y.Exponent)
        {
            (x, y) = (y, x);
        }

        long shift = (long)x.Exponent - y.Exponent;
        if (shift > Precision + 64)
        {
            return x;
        }

        return new BigFloat((x.Mantissa << (int)shift) + y.Mantissa, y.Exponent);
    }

    public static BigFloat operator -(BigFloat x, BigFloat y) => x + (-y);

    public static BigFloat operator *(BigFloat x, BigFloat y) =>
        new(x.Mantissa * y.Mantissa, (long)x.Exponent + y.Exponent);

    public static BigFloat operator /(BigFloat x, BigFloat y)
    {
        if (y.IsZero)
        {
            throw new DivideByZeroException();
        }

        const int extra = Precision + 64;
        return new BigFloat((x.Mantissa << extra) / y.Mantissa, (long)x.Exponent - y.Exponent - extra);
    }

    public static bool operator <(BigFloat x, BigFloat y) => x.CompareTo(y) < 0;

    public static bool operator >(BigFloat x, BigFloat y) => x.CompareTo(y) > 0;

    public static bool operator <=(BigFloat x, BigFloat y) => x.CompareTo(y) <= 0;

    public static bool operator >=(BigFloat x, BigFloat y) => x.CompareTo(y) >= 0;

    public int CompareTo(BigFloat other) => (this - other).Sign;

    /// <summary>Multiplies by 2^k exactly.</summary>
    public BigFloat ScaleB(long k) => IsZero ? this : new BigFloat(Mantissa, Exponent + k);

    /// <summary>The nearest double (to within one rounding), 0 below the double range.</summary>
    public double ToDouble()
    {
        if (IsZero)
        {
            return 0;
        }

        var top = (double)(Mantissa >> (Precision - 64)); // 64 leading bits; the cast rounds
        return Math.ScaleB(top, Exponent + Precision - 64);
    }

    public override string ToString() => ToDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    public static BigFloat Abs(BigFloat x) => x.Sign < 0 ? -x : x;

    /// <summary>eˣ: x = k·ln 2 + r, then e^r by Taylor series on r/2³², squared 32 times.</summary>
    public static BigFloat Exp(BigFloat x)
    {
        if (x.IsZero)
        {
            return One;
        }

        var k = (long)Math.Round(x.ToDouble() / Math.Log(2));
        var r = x - (FromInteger(k) * Ln2);
        const int halvings = 32;
        r = r.ScaleB(-halvings);

        var sum = One;
        var term = One;
        for (var n = 1; n < 200; n++)
        {
            term = term * r / n;
            sum += term;
            if (term.IsZero || term.Log2Floor < sum.Log2Floor - Precision - 8)
            {
                break;
            }
        }

        for (var i = 0; i < halvings; i++)
        {
            sum *= sum;
        }

        return sum.ScaleB(k);
    }

    /// <summary>ln x for x &gt; 0: x = f·2^e with f in [1/√2, √2), ln f = 2·atanh((f − 1)/(f + 1)).</summary>
    public static BigFloat Log(BigFloat x)
    {
        if (x.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), "ln needs a positive argument.");
        }

        long e = x.Exponent + Precision - 1; // x = f·2^e with f in [1, 2)
        var f = x.ScaleB(-e);
        if (f > FromDouble(Math.Sqrt(2)))
        {
            f = f.ScaleB(-1);
            e++;
        }

        return (FromInteger(e) * Ln2) + TwoAtanh((f - One) / (f + One));
    }

    /// <summary>2·atanh(z) = 2·(z + z³/3 + z⁵/5 + …) for |z| &lt;= 1/3.</summary>
    private static BigFloat TwoAtanh(BigFloat z)
    {
        var z2 = z * z;
        var power = z;
        var sum = z;
        for (var n = 3; n < 2000; n += 2)
        {
            power *= z2;
            var term = power / n;
            sum += term;
            if (term.IsZero || term.Log2Floor < sum.Log2Floor - Precision - 8)
            {
                break;
            }
        }

        return sum.ScaleB(1);
    }

    private static BigFloat ComputeLn2() => TwoAtanh(One / FromInteger(3)); // ln 2 = 2·atanh(1/3)
}
