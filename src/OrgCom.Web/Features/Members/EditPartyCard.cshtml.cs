using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Features.Members;

/// <summary>III. Thông tin đảng viên: the party card number (the dates come from the membership events).</summary>
public sealed class EditPartyCardModel(OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit, ViewLog viewLog)
    : DossierEditPage(db, currentUser, audit, viewLog)
{
    [BindProperty] public string? PartyCardNumber { get; set; }

    public override string SectionTitle => "Số thẻ đảng viên";

    protected override object SectionValues(Member member) => new { member.PartyCardNumber };

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await OpenAsync(id, ct) is { } stop)
            return stop;
        PartyCardNumber = Member.PartyCardNumber;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadForChangeAsync(id, ct) is { } stop)
            return stop;
        if (!Check(Member.SetPartyCardNumber(PartyCardNumber)))
            return Page();
        // A card number belongs to one member in the whole party, whoever's scope they are in; the message names no one.
        if (Member.PartyCardNumber is { } number
            && await Db.Members.IgnoreQueryFilters().AnyAsync(m => m.PartyCardNumber == number && m.Id != id, ct))
            return Refuse(MemberErrors.PartyCardTaken(number).Message);
        return await SaveAsync(ct);
    }

    protected override string UniqueViolationMessage(string? constraint) =>
        constraint == "ix_members_party_card_number" && Member.PartyCardNumber is { } number
            ? MemberErrors.PartyCardTaken(number).Message
            : base.UniqueViolationMessage(constraint);
}
