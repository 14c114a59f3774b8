using Microsoft.EntityFrameworkCore;
using OrgCom.Web.Data;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Access;

public sealed class ModelTests : AppTest
{
    [Fact]
    public async Task The_model_has_no_changes_without_a_migration()
    {
        var pending = await WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, "The EF model changed without a migration: run ./scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public async Task Every_entity_declares_how_it_belongs_to_the_organization_tree()
    {
        var undeclared = await WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(t => !ScopeAnnotations.IsDeclared(t)).Select(t => t.ClrType.Name).ToList()));
        Assert.True(undeclared.Count == 0,
            $"Declare OwnedByOrganization / IsOrganizationTreeNode / NotOrganizationScoped for: {string.Join(", ", undeclared)}");
    }

    [Fact]
    public async Task Every_form_field_marked_with_where_it_is_stored_has_a_limit_in_the_model()
    {
        var fields = typeof(OrgCom.Web.Infrastructure.AppHost).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties())
            .Select(p => (Property: p, Stored: p.GetCustomAttributes(typeof(OrgCom.Web.Infrastructure.Forms.StoredInAttribute), true)
                .Cast<OrgCom.Web.Infrastructure.Forms.StoredInAttribute>().SingleOrDefault()))
            .Where(f => f.Stored is not null)
            .ToList();
        Assert.True(fields.Count >= 30, $"only {fields.Count} form fields declare where they are stored");
        await WithDbAsync(db =>
        {
            foreach (var (property, stored) in fields)
            {
                Assert.True(property.PropertyType == typeof(string), $"{property.DeclaringType!.Name}.{property.Name} is not text");
                Assert.InRange(TextLengths.MaxLength(db.Model, stored!.Entity, stored.Property, stored.JsonField), 1, 10_000);
            }
            return Task.FromResult(0);
        });
    }

    [Fact]
    public async Task The_database_refuses_a_cycle_even_if_the_application_missed_it()
    {
        var ward = await OrganizationIdAsync("X00004");
        var cell = await OrganizationIdAsync("X00004.CB01");
        var ex = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            TestDatabase.ExecuteAsync($"update organizations set parent_id = {cell} where id = {ward}", DatabaseName));
        Assert.Contains("cycle", ex.MessageText);
    }
}
