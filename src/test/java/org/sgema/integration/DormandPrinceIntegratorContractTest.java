package org.sgema.integration;

/**
 * The explicit method (the project's {@link Dop853Integrator}), behind {@link FlowIntegrator}, fulfils the integrator
 * contract. It is explicit: on the stiff problem (rates −1000 to −0.01) its step stays bounded
 * by the fastest mode and it runs out of evaluations, which it must report, not hide.
 */
class DormandPrinceIntegratorContractTest extends IntegratorContract {
    @Override
    protected boolean handlesStiffProblems() {
        return false;
    }

    @Override
    protected FlowIntegrator integrator(IntegrationSettings settings) {
        return new FlowIntegrator(settings.withMethod(Method.EXPLICIT));
    }
}
