using System.Runtime.Intrinsics;
using Spiral.Core.Model.Phases;

namespace Spiral.Core.Tests.Model.Phases;

/// <summary>The observation noise in four lanes gives the bits of the scalar form, dyad by dyad.</summary>
public class NoiseModelTests
{
    [Fact]
    public void PostureAndArming_FourLanes_BitIdenticalToScalar()
    {
        var noise = new NoiseModel(PostureScale: 0.5 * (1 - 0.37), PostureFloor: 0.02, ArmingScale: 0.5 * 0.13);
        double[] opacities = [1, 0, 0.3, 1 - 0.7, 0.123456789, 1e-17, 0.999999, 0.5];
        for (var k = 0; k < opacities.Length; k += 4)
        {
            var opacity = Vector256.Create(opacities[k], opacities[k + 1], opacities[k + 2], opacities[k + 3]);
            var (posture, arming) = (noise.Posture(opacity), noise.Arming(opacity));
            for (var lane = 0; lane < 4; lane++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(noise.Posture(opacities[k + lane])), BitConverter.DoubleToInt64Bits(posture[lane]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(noise.Arming(opacities[k + lane])), BitConverter.DoubleToInt64Bits(arming[lane]));
            }
        }
    }
}
