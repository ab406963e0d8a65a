package org.sgema.integration;

/**
 * The project's RODAS, behind {@link FlowIntegrator} with {@link Method#STIFF}, fulfils the
 * integrator contract, the stiff problem (rates −1000 to −0.01) included: it must converge there.
 */
class RosenbrockIntegratorContractTest extends IntegratorContract {
    @Override
    protected boolean handlesStiffProblems() {
        return true;
    }

    @Override
    protected FlowIntegrator integrator(IntegrationSettings settings) {
        return new FlowIntegrator(settings.withMethod(Method.STIFF));
    }
}
