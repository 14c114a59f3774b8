using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Access;

public sealed class HostTests : AppTest
{
    private string ConnectionString => TestDatabase.ConnectionString(DatabaseName);

    [Fact]
    public async Task A_production_start_with_active_demo_accounts_is_refused_unless_allowed()
    {
        await using (var production = AppHost.Build(["--environment", "Production", $"--ConnectionStrings:Default={ConnectionString}"]))
        {
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => DemoAccountGuard.EnsureAllowedAsync(production));
            Assert.Contains("tài khoản demo", ex.Message);
        }
        await using (var allowed = AppHost.Build(["--environment", "Production", $"--ConnectionStrings:Default={ConnectionString}", "--OrgCom:AllowDemoAccounts=true"]))
            await DemoAccountGuard.EnsureAllowedAsync(allowed);

        await WithDbAsync(db => db.Users.Where(u => u.IsDemo).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        await using (var cleaned = AppHost.Build(["--environment", "Production", $"--ConnectionStrings:Default={ConnectionString}"]))
            await DemoAccountGuard.EnsureAllowedAsync(cleaned);
    }

    [Theory]
    [InlineData("Months", "Giá trị \"abc\" không hợp lệ.")]
    [InlineData("Số tháng", "Giá trị \"abc\" không hợp lệ cho trường «Số tháng».")]
    public void A_value_that_cannot_be_bound_is_refused_in_Vietnamese_without_the_code_name(string field, string expected)
    {
        var messages = Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Mvc.MvcOptions>>()
            .Value.ModelBindingMessageProvider;
        Assert.Equal(expected, messages.AttemptedValueIsInvalidAccessor("abc", field));
        Assert.DoesNotContain("Months", messages.ValueMustBeANumberAccessor("Months"));
        Assert.StartsWith("Cần nhập", messages.ValueMustNotBeNullAccessor(""));
        Assert.StartsWith("Thiếu", messages.MissingBindRequiredValueAccessor("Year"));
    }

    private async Task<(int ExitCode, string Output)> RunVerbAsync(params string[] args)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        start.Environment["ConnectionStrings__Default"] = ConnectionString;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task The_create_user_verb_creates_an_account_with_its_grant_and_refuses_bad_input()
    {
        var (code, output) = await RunVerbAsync("create-user", "--user-name", "bt.hanoi", "--full-name", "Bùi Thị Thu",
            "--password", "Mk@2026abcd", "--organization-code", "T01", "--role", "CommissionStaff");
        Assert.True(code == 0, output);
        var client = await SignInAsync("bt.hanoi", "Mk@2026abcd");
        var tree = await GetDocumentAsync(client, "/Organizations");
        Assert.NotNull(tree.QuerySelector("[data-testid=node-T01]"));

        (code, output) = await RunVerbAsync("create-user", "--user-name", "khac", "--full-name", "Người Khác",
            "--password", "Mk@2026abcd", "--organization-code", "KHONGCO");
        Assert.Equal(1, code);
        Assert.Contains("Không tìm thấy tổ chức", output);

        (code, output) = await RunVerbAsync("create-user", "--user-name", "yeu", "--full-name", "Mật Khẩu Yếu", "--password", "123");
        Assert.Equal(1, code);
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự", output);
        Assert.False(await WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "khac" || u.UserName == "yeu")));
    }
}
