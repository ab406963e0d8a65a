package org.sgema.integration;

/**
 * {@link Method#AUTO}, the default, fulfils the integrator contract: explicit on the non-stiff
 * problems, and on the stiff one it must notice the stiffness, switch to RODAS and converge.
 */
class AutoIntegratorContractTest extends IntegratorContract {
    @Override
    protected boolean handlesStiffProblems() {
        return true;
    }

    @Override
    protected FlowIntegrator integrator(IntegrationSettings settings) {
        return new FlowIntegrator(settings.withMethod(Method.AUTO));
    }
}
