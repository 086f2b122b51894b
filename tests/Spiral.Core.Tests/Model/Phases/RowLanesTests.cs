using System.Runtime.Intrinsics;
using Spiral.Core.Model.Phases;

namespace Spiral.Core.Tests.Model.Phases;

/// <summary>The four-lane row helpers phases 2, 3 and 8 share: the same bits as the scalar operations they replace.</summary>
public class RowLanesTests
{
    [Fact]
    public void MaxZero_IsMathMaxOfZeroLaneByLane_SignedZerosAndNaN()
    {
        double[] values = [double.NaN, -0.0, 0.0, -1e-300, 1e-300, -3, 2.5, double.NegativeInfinity];
        for (var k = 0; k < values.Length; k += 4)
        {
            var lanes = RowLanes.MaxZero(Vector256.Create(values[k], values[k + 1], values[k + 2], values[k + 3]));
            for (var lane = 0; lane < 4; lane++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(Math.Max(0, values[k + lane])), BitConverter.DoubleToInt64Bits(lanes[lane]));
            }
        }
    }

    [Fact]
    public void Load_PartialChunk_PadsTheMissingLanes()
    {
        var lanes = RowLanes.Load([1.0, 2.0], padding: 0.5);
        Assert.Equal([1.0, 2.0, 0.5, 0.5], [lanes[0], lanes[1], lanes[2], lanes[3]]);
        Assert.Equal(Vector256.Create(4.0, 3, 2, 1), RowLanes.Load([4.0, 3, 2, 1], padding: 0.5));
    }

    [Fact]
    public void Store_PartialChunk_WritesOnlyTheDestinationsLanes()
    {
        var row = new double[] { 9, 9, 9, 9, 9 };
        RowLanes.Store(Vector256.Create(1.0, 2, 3, 4), row.AsSpan(3, 2));
        Assert.Equal([9.0, 9, 9, 1, 2], row);
        RowLanes.Store(Vector256.Create(5.0, 6, 7, 8), row.AsSpan(0, 4));
        Assert.Equal([5.0, 6, 7, 8, 2], row);
    }
}
