package jiuzhu.intake;

import java.util.List;

/**
 * The application as a service point sends it ({@code POST /api/applications}). Amounts are integer fen.
 * Unknown fields are refused (Jackson fails on them), so a misspelt field never silently drops data.
 */
record ApplicationForm(String type, String servicePointCode, HouseholdForm household, List<MemberForm> members,
        NearRelativeForm nearRelative) {

    record HouseholdForm(String registrationCode, String residence, String address, Boolean ownsNonEssentialVehicle) {
    }

    record MemberForm(String name, String idNumber, String relation, Boolean canWork, Long monthlyIncomeFen,
            Long financialAssetsFen) {
    }

    record NearRelativeForm(Boolean declared, String note) {
    }
}
