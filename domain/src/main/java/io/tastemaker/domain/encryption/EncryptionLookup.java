package io.tastemaker.domain.encryption;

import io.tastemaker.domain.dataset.Dataset;
import io.tastemaker.domain.datasetgroup.DatasetGroup;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The database reads behind {@link DataEncryption}: which group a resource belongs to, and its key. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class EncryptionLookup {

    @PersistenceContext
    EntityManager em;

    /** A group's KMS key and encrypted data key; both null when it is not encrypted at rest. */
    public record GroupKey(String groupArn, String accountId, String kmsKeyArn, String dataKey) {

        public boolean encrypted() {
            return dataKey != null;
        }
    }

    public Optional<GroupKey> group(String groupArn) {
        DatasetGroup group = em.find(DatasetGroup.class, groupArn);
        return group == null ? Optional.empty()
                : Optional.of(new GroupKey(group.getArn(), group.getAccountId(), group.getKmsKeyArn(), group.getDataKey()));
    }

    public Optional<String> groupOfDataset(String datasetArn) {
        Dataset dataset = em.find(Dataset.class, datasetArn);
        return dataset == null ? Optional.empty() : Optional.of(dataset.getDatasetGroupArn());
    }

    public Optional<String> groupOfSolutionVersion(String solutionVersionArn) {
        List<String> groups = em.createQuery("select s.datasetGroupArn from SolutionVersion v, Solution s"
                        + " where v.arn = :v and s.arn = v.solutionArn", String.class)
                .setParameter("v", solutionVersionArn).getResultList();
        return groups.stream().findFirst();
    }
}
