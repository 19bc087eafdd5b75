using Workbook.Core.Physics;

namespace Workbook.Core.Tests.Physics;

public class FusedSilicaTests
{
    [Fact]
    public void PhaseIndex_AtTheSodiumDLine_IsMalitsonsPublished1Point45846()
    {
        // Malitson (1965), as tabulated by refractiveindex.info: n = 1.45846 at 0.5876 µm.
        Assert.Equal(1.45846, FusedSilica.PhaseIndex(0.5876), 5);
    }

    [Fact]
    public void PhaseIndex_At1550Nm_Is1Point4440()
    {
        Assert.Equal(1.4440, FusedSilica.PhaseIndex(1.55), 4);
    }

    [Theory]
    [InlineData(0.5876)]
    [InlineData(1.31)]
    [InlineData(1.55)]
    [InlineData(3.0)]
    public void GroupIndex_MatchesANumericalDerivativeOfThePhaseIndex(double wavelength)
    {
        // n_g = n − w dn/dw, the derivative by a central difference (error ~ h², far below 1e-8 here).
        const double h = 1e-5;
        double slope = (FusedSilica.PhaseIndex(wavelength + h) - FusedSilica.PhaseIndex(wavelength - h)) / (2 * h);
        double numerical = FusedSilica.PhaseIndex(wavelength) - wavelength * slope;

        Assert.Equal(numerical, FusedSilica.GroupIndex(wavelength), 8);
    }

    [Fact]
    public void At1550Nm_TheGroupIndexExceedsThePhaseIndex_AndSmf28sExceedsBoth()
    {
        double phase = FusedSilica.PhaseIndex(1.55);
        double group = FusedSilica.GroupIndex(1.55);

        Assert.Equal(1.4626, group, 4);
        Assert.True(phase < group && group < 1.4682);
    }

    [Fact]
    public void UsingThePhaseIndex_UnderstatesSmf28Delay_By1Point65Percent()
    {
        // 1 − 1.44402 / 1.4682 = 0.01647.
        double understatement = 1 - FusedSilica.PhaseIndex(1.55) / (1 / Medium.StandardFiber.VelocityFactor);

        Assert.Equal(0.0165, understatement, 4);
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(3.8)]
    [InlineData(double.NaN)]
    public void WavelengthsOutsideTheFit_AreRejected(double wavelength)
    {
        BadInput.Rejects(() => FusedSilica.GroupIndex(wavelength), "wavelengthMicrometres", "must be a finite number in [0.21, 3.71]");
    }
}
