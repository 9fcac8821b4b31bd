package jiuzhu.intake;

/** Test applications as JSON; the ID numbers' check characters were computed apart from the code under test (MOD 11-2). */
final class Applications {

    static final String APPLICANT_ID = "371402198001010012";
    static final String SPOUSE_ID = "371402198203150021";
    static final String OTHER_ID_1 = "371402199005050032";
    static final String OTHER_ID_2 = "371402197511110043";
    static final String OTHER_ID_3 = "371402198808080054";
    static final String OTHER_ID_4 = "37140220010101001X";

    private Applications() {
    }

    static String dibao(String servicePoint, String registration, String applicantId, String spouseId) {
        return """
                {"type":"SUBSISTENCE_ALLOWANCE","servicePointCode":"%s",
                 "household":{"registrationCode":"%s","residence":"URBAN","address":"新湖街道幸福路1号","ownsNonEssentialVehicle":false},
                 "members":[
                   {"name":"张三","idNumber":"%s","relation":"APPLICANT","canWork":false,"monthlyIncomeFen":30000,"financialAssetsFen":100000},
                   {"name":"李四","idNumber":"%s","relation":"SPOUSE","canWork":true,"monthlyIncomeFen":20000,"financialAssetsFen":0}],
                 "nearRelative":{"declared":false}}
                """.formatted(servicePoint, registration, applicantId, spouseId);
    }

    static String dibao(String servicePoint, String registration) {
        return dibao(servicePoint, registration, APPLICANT_ID, SPOUSE_ID);
    }
}
