package io.trainflow.connectors.hcm;

/**
 * One employee (OrangeHRM: {@code GET /pim/employees?model=detailed}).
 *
 * @param employeeId   HCM id (OrangeHRM empNumber, as a string)
 * @param username     login of the employee's system user, shared with the LMS; null when none
 * @param jobTitleId   HCM job title id, null when unassigned
 * @param departmentId HCM sub-unit id, null when unassigned
 * @param managerId    employee id of the direct supervisor, null when none (OrangeHRM allows
 *                     several; a connector picks the first with reporting method "Direct")
 */
public record Employee(
        String employeeId,
        String username,
        String firstName,
        String lastName,
        String email,
        String jobTitleId,
        String jobTitle,
        String departmentId,
        String departmentName,
        String managerId) {

    public String displayName() {
        return (firstName + " " + lastName).trim();
    }
}
