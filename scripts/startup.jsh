// Startup of scripts/jshell: the public API and short helpers (org.sgema.shell.Explore).
import org.ejml.data.DMatrixRMaj;
import org.sgema.numerics.*;
import org.sgema.model.*;
import org.sgema.flows.*;
import org.sgema.integration.*;
import org.sgema.equilibria.*;
import org.sgema.stability.*;
import org.sgema.training.*;
import org.sgema.claims.*;
import org.sgema.config.*;
import static org.sgema.shell.Explore.*;
