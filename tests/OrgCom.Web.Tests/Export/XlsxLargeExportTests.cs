using System.Runtime.CompilerServices;
using OrgCom.Web.Infrastructure.Export;
using Xunit.Abstractions;

namespace OrgCom.Web.Tests.Export;

public sealed class XlsxLargeExportTests(ITestOutputHelper output)
{
    private const int RowCount = 300_000;
    private const long AllowedGrowth = 64L * 1024 * 1024;

    private sealed record Line(string Name, DateOnly BirthDate, long Years, decimal Fee, bool Official, string Organization);

    [Fact]
    public async Task Three_hundred_thousand_rows_stream_with_a_bounded_heap()
    {
        var report = new XlsxReport<Line>(
        [
            XlsxColumn<Line>.RowNumber(),
            XlsxColumn<Line>.Text("Họ và tên", l => l.Name),
            XlsxColumn<Line>.Date("Ngày sinh", l => l.BirthDate),
            XlsxColumn<Line>.Integer("Tuổi Đảng", l => l.Years, group: "Đảng", total: XlsxTotal.Sum),
            XlsxColumn<Line>.Decimal("Đảng phí", l => l.Fee, group: "Đảng", total: XlsxTotal.Sum),
            XlsxColumn<Line>.Boolean("Chính thức", l => l.Official),
            XlsxColumn<Line>.Text("Chi bộ", l => l.Organization),
        ])
        {
            TitleLines = ["DANH SÁCH ĐẢNG VIÊN", "Đảng bộ Thành phố Hà Nội"],
            TotalsRow = true,
        };
        var path = Path.Combine(Path.GetTempPath(), $"orgcom-large-{Guid.NewGuid():N}.xlsx");
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        try
        {
            await using (var file = File.Create(path))
            {
                await XlsxWriter.WriteAsync(file, report, Rows(sample: () => peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true))));
            }
            var growth = peak - baseline;
            output.WriteLine($"file {new FileInfo(path).Length / 1024 / 1024} MB; live heap growth while writing at most {growth / 1024 / 1024} MB");
            Assert.True(growth < AllowedGrowth, $"the managed heap grew by {growth / 1024 / 1024} MB while writing");

            // Read back with the streaming reader: every row is there and the totals add up.
            using var reader = XlsxReader.Open(path);
            var count = 0;
            XlsxRow? last = null, totals = null;
            foreach (var row in reader.ReadRows())
            {
                if (row.Number >= 6 && row.Number < 6 + RowCount)
                {
                    count++;
                    last = row;
                }
                else if (row.Number == 6 + RowCount)
                {
                    totals = row;
                }
            }
            Assert.Equal(RowCount, count);
            Assert.Equal(
                [(double)RowCount, $"Nguyễn Văn Đặng {RowCount}", new DateTime(1960, 1, 1).AddDays(RowCount % 20_000), (double)(RowCount % 60), (double)(RowCount % 7 * 1000 + 0.5m), "Có", "Chi bộ 0"],
                last!.Values(7));
            var years = Enumerable.Range(1, RowCount).Sum(i => (long)(i % 60));
            var fees = Enumerable.Range(1, RowCount).Sum(i => i % 7 * 1000 + 0.5m);
            Assert.Equal(["Tổng cộng", null, null, (double)years, (double)fees, null, null], totals!.Values(7));
            Assert.Equal($"SUM(D6:D{5 + RowCount})", totals["D"].Formula);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async IAsyncEnumerable<Line> Rows(Action sample, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var i = 1; i <= RowCount; i++)
        {
            if (i % 25_000 == 0)
            {
                sample();
                await Task.Yield();
            }
            yield return new Line($"Nguyễn Văn Đặng {i}", new DateOnly(1960, 1, 1).AddDays(i % 20_000), i % 60, i % 7 * 1000 + 0.5m, i % 3 == 0, $"Chi bộ {i % 40}");
        }
        sample();
    }
}
